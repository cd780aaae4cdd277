import { expect, it } from 'vitest';
import type { RunRecord } from '../adapters/run-store.js';
import { messages } from '../i18n/index.js';
import { markup } from './html.js';
import { jobPage, runPage } from './pages.js';

const ctx = { t: messages.translator('en'), lang: 'en', csrf: 'tok"en' };
const run: RunRecord = {
  id: 7,
  job: '<b>job</b>',
  params: { q: '"><script>x()</script>' },
  status: 'running',
  exitCode: null,
  reason: null,
  createdAt: new Date(0),
  startedAt: null,
  finishedAt: null,
  startedBy: 'me',
  timeoutSeconds: null,
  cancelRequested: false,
  lineCount: 1,
  rerunOf: null,
};

it('escapes log lines, parameters and names', () => {
  const page = runPage(
    ctx,
    run,
    [{ seq: 1, stream: 'stdout', at: new Date(0), line: '<img src=x onerror=alert(1)>' }],
    { live: true },
  );
  expect(page).not.toContain('<img');
  expect(page).not.toContain('<script>x()');
  expect(page).not.toContain('<b>job');
  expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(page).toContain('value="tok&quot;en"');
  expect(markup`<p>${`<a href='x'>&`}</p>`.toString()).toBe(
    '<p>&lt;a href=&#39;x&#39;&gt;&amp;</p>',
  );
});

it('generates typed inputs, required marks, defaults, selects and masked secrets', () => {
  const page = jobPage(ctx, {
    name: 'j',
    description: 'd',
    kind: 'module',
    path: '/x',
    fields: [
      { name: 'n', label: 'Count', type: 'integer', required: true, secret: false, default: 3 },
      {
        name: 'm',
        label: 'Mode',
        type: 'select',
        required: false,
        secret: false,
        options: ['a', 'b'],
        default: 'b',
      },
      {
        name: 'p',
        label: 'Password',
        type: 'string',
        required: true,
        secret: true,
        default: 'never-shown',
      },
    ],
  });
  expect(page).toContain('<input id="f-n" type="number" name="n" value="3" required>');
  expect(page).toContain('<option value="b" selected>b</option>');
  expect(page).toContain('type="password" name="p" value=""');
  expect(page).not.toContain('never-shown');
  expect(page.match(/class="req"/g)).toHaveLength(2);
});
