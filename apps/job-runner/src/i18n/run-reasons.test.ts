import { createI18n } from '@toolbelt/i18n';
import { expect, it } from 'vitest';
import { decideOutcome } from '../core/run-status.js';
import { catalogs } from './catalogs.js';
import { wordReason } from './run-reasons.js';

const ru = createI18n({ lang: 'ru', namespaces: catalogs }).t;
const en = createI18n({ lang: 'en', namespaces: catalogs }).t;

it('words every reason the engine records, in Russian with no English left', () => {
  const reasons = [
    decideOutcome({ code: 1, signal: null }),
    decideOutcome({ code: 143, signal: null, stoppedBy: 'cancel' }),
    decideOutcome({ code: null, signal: 'SIGTERM', stoppedBy: 'timeout', timeoutSeconds: 5 }),
    decideOutcome({ code: null, signal: 'SIGKILL' }),
    decideOutcome({ code: null, signal: null, spawnError: 'ENOENT' }),
  ].map((o) => o.reason);
  reasons.push('interrupted: the job-runner process running it stopped');
  const words = reasons.map((r) => wordReason(r, ru));
  expect(words[0]).toBe('код выхода 1');
  for (const w of words)
    expect(w).not.toMatch(/exit code|cancelled|timed out|killed|interrupted|\{\{/);
  expect(wordReason('exit code 1', en)).toBe('exit code 1');
  expect(wordReason(null, ru)).toBe('');
  expect(wordReason('something new', ru)).toBe('something new');
});
