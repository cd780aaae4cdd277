import { expect, it } from 'vitest';
import type { JobField } from './job-metadata.js';
import {
  maskParams,
  maskSecrets,
  parseSetItems,
  secretParams,
  validateParams,
} from './job-params.js';

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
  field('times', { type: 'integer', default: 3 }),
  field('ratio', { type: 'number' }),
  field('loud', { type: 'boolean' }),
  field('mode', { type: 'select', options: ['add', 'replace'] }),
  field('day', { type: 'date' }),
  field('password', { secret: true, required: true }),
];

it('types values, fills defaults and lists missing required fields', () => {
  const check = validateParams(fields, {
    name: 'Ann',
    ratio: '0.5',
    loud: 'yes',
    mode: 'add',
    day: '2026-11-22',
  });
  expect(check.values).toEqual({
    name: 'Ann',
    times: 3,
    ratio: 0.5,
    loud: true,
    mode: 'add',
    day: '2026-11-22',
  });
  expect(check.problems).toEqual([]);
  expect(check.missing.map((f) => f.name)).toEqual(['password']);
});

it('reports every wrong value', () => {
  const check = validateParams(fields, {
    name: 'x',
    times: '2.5',
    ratio: 'abc',
    loud: 'maybe',
    mode: 'merge',
    day: '22/11',
    extra: '1',
    password: 'p',
  });
  expect(check.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
    'extra:unknown',
    'times:notInteger',
    'ratio:notNumber',
    'loud:notBoolean',
    'mode:notOption',
    'day:notDate',
  ]);
});

it('masks secret fields and secret values in text', () => {
  const values = { name: 'Ann', password: 's3cret-value' };
  expect(maskParams(fields, values)).toEqual({ name: 'Ann', password: '***' });
  expect(secretParams(fields, values)).toEqual({ password: 's3cret-value' });
  expect(maskSecrets('login with s3cret-value and s3cret', ['s3cret', 's3cret-value'])).toBe(
    'login with *** and ***',
  );
});

it('parses --set items', () => {
  expect(parseSetItems(['a=1', 'b=x=y', 'c=', 'bad', '=v'])).toEqual({
    input: { a: '1', b: 'x=y', c: '' },
    bad: ['bad', '=v'],
  });
});

it('takes only real calendar dates for a date field', () => {
  const dates = [field('day', { type: 'date' })];
  for (const day of ['2023-02-31', '2023-13-01', '2023-2-1', '2023-02-29', ' 2024-01-01'])
    expect(validateParams(dates, { day }).problems, day).toEqual([
      { field: 'day', code: 'notDate', value: day },
    ]);
  expect(validateParams(dates, { day: '2024-02-29' }).values).toEqual({ day: '2024-02-29' });
});
