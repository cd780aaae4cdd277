import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup built by {@link markup}: every interpolated value was escaped unless it was markup. */
export type Html = HtmlEscapedString;

/**
 * Hono's `html` template: interpolated strings are escaped, nested `markup` is kept. Named
 * `markup`, not `html`, because Prettier reformats `html` templates and would change the output;
 * typed as synchronous because no page interpolates a promise.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new TypeError('markup: a page interpolated a promise');
  return out;
}
