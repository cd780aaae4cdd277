import { createI18n } from '@toolbelt/i18n';
import { expect, it } from 'vitest';
import type { JobField } from '../core/job-metadata.js';
import { validateParams } from '../core/job-params.js';
import { catalogs } from './catalogs.js';
import { wordParamProblems } from './param-problems.js';

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
const t = (lang: 'en' | 'ru') => createI18n({ lang, namespaces: catalogs }).t;

it('words every problem and every missing field at once, in English', () => {
  const check = validateParams(fields, { times: 'abc', style: 'shouty', colour: 'red' });
  const words = wordParamProblems(
    check.problems,
    check.missing.map((f) => f.name),
    t('en'),
  );
  expect(words).toEqual([
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
  const words = wordParamProblems(check.problems, ['name'], t('ru'));
  expect(words).toHaveLength(6);
  expect(words[1]).toBe('поле times должно быть целым числом, а не «2.5»');
  for (const line of words) {
    expect(line).not.toMatch(/\{\{|not[A-Z]|unknown/);
    expect(line).toMatch(/[а-я]/);
  }
  expect(wordParamProblems([{ field: 'x', code: 'notDate', value: '1/2' }], [], t('ru'))).toEqual([
    'поле x должно быть датой вида 2026-11-22, а не «1/2»',
  ]);
});
