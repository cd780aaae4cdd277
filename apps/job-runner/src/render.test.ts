import { expect, it } from 'vitest';
import type { JobField } from './core/job-metadata.js';
import { validateParams } from './core/job-params.js';
import { decideOutcome } from './core/run-status.js';
import { messages } from './i18n/index.js';
import { wordParamProblem, wordReason } from './render.js';
import { paramProblemTexts } from './run-jobs.js';

const field = (name: string, extra: Partial<JobField> = {}): JobField => ({
  name,
  label: name,
  type: 'string',
  required: false,
  secret: false,
  ...extra,
});
const fields = [
  field('name', { required: true }),
  field('target', { required: true }),
  field('times', { type: 'integer' }),
  field('style', { options: ['plain', 'loud'] }),
];
const t = (lang: 'en' | 'ru') => messages.translator(lang);

it('words every problem and every missing field at once, in English', () => {
  const check = validateParams(fields, { times: 'abc', style: 'shouty', colour: 'red' });
  const texts = paramProblemTexts(
    check.problems,
    check.missing.map((f) => f.name),
  );
  expect(texts.map((text) => text.en)).toEqual([
    'colour is not a field of this job (its fields: name, target, times, style)',
    'times must be a whole number, not "abc"',
    'style must be one of plain, loud, not "shouty"',
    'name is required (pass --set name=...)',
    'target is required (pass --set target=...)',
  ]);
});

it('words them in Russian with no placeholder or code left', () => {
  const check = validateParams(
    [...fields, field('ratio', { type: 'number' }), field('on', { type: 'boolean' })],
    { times: '2.5', style: 'x', ratio: 'r', on: 'maybe', extra: '1' },
  );
  const words = paramProblemTexts(check.problems, ['name']).map((text) => text.ru);
  expect(words).toHaveLength(6);
  expect(words[1]).toBe('поле times должно быть целым числом, а не «2.5»');
  for (const line of words) {
    expect(line).not.toMatch(/\{\{|not[A-Z]|unknown/);
    expect(line).toMatch(/[а-я]/);
  }
  expect(wordParamProblem({ field: 'x', code: 'notDate', value: '1/2' }, t('ru'))).toBe(
    'поле x должно быть датой вида 2026-11-22, а не «1/2»',
  );
});

it('words every reason the engine records, in Russian with no English left', () => {
  const reasons = [
    decideOutcome({ code: 1, signal: null }),
    decideOutcome({ code: 143, signal: null, stoppedBy: 'cancel' }),
    decideOutcome({ code: null, signal: 'SIGTERM', stoppedBy: 'timeout', timeoutSeconds: 5 }),
    decideOutcome({ code: null, signal: 'SIGKILL' }),
    decideOutcome({ code: null, signal: null, spawnError: 'ENOENT' }),
  ].map((o) => o.reason);
  reasons.push('interrupted: the job-runner process running it stopped');
  const words = reasons.map((r) => wordReason(r, t('ru')));
  expect(words[0]).toBe('код выхода 1');
  for (const w of words)
    expect(w).not.toMatch(/exit code|cancelled|timed out|killed|interrupted|\{\{/);
  expect(wordReason('exit code 1', t('en'))).toBe('exit code 1');
  expect(wordReason(null, t('ru'))).toBe('');
  expect(wordReason('something new', t('ru'))).toBe('something new');
});
