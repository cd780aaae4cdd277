/**
 * Headless Chromium for web UI tests: Debian's `/usr/bin/chromium` (apt `chromium`) driven by
 * playwright-core, with a fresh profile folder per launch (removed on close).
 *
 * ```ts
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * await page.goto(url);
 * await browser.close();
 * ```
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Flags that keep Chromium quiet, offline and runnable as root in CI. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Options of {@link launchBrowser}. */
export interface LaunchBrowserOptions {
  /** Chromium binary (default `CHROMIUM_PATH`, else `/usr/bin/chromium`). */
  executablePath?: string;
  /** Milliseconds to wait for the browser to start (default 60 s). */
  timeoutMs?: number;
}

/** A browser with its own profile folder. */
export interface TestBrowser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  /** Close the browser and delete its profile folder. */
  close(): Promise<void>;
}

/** Launch headless Chromium with a fresh `--user-data-dir`. */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<TestBrowser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'toolbelt-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright passes --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...chromiumArgs],
      timeout: options.timeoutMs ?? 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
