import { expect, it } from 'vitest';
import { checkJobMetadata } from './job-metadata.js';

it('accepts complete metadata and fills labels and flags', () => {
  const check = checkJobMetadata({
    name: 'hello',
    description: ' Greets. ',
    fields: [
      { name: 'who', required: true },
      { name: 'mode', options: ['a', 'b'] },
    ],
  });
  expect(check).toEqual({
    ok: true,
    name: 'hello',
    description: 'Greets.',
    fields: [
      { name: 'who', label: 'who', type: 'string', required: true, secret: false },
      {
        name: 'mode',
        label: 'mode',
        type: 'select',
        required: false,
        secret: false,
        options: ['a', 'b'],
      },
    ],
  });
});

it('reports every problem of incomplete metadata at once', () => {
  const check = checkJobMetadata({
    name: '',
    fields: [
      { name: 'x', type: 'colour' },
      { label: 'no name' },
      { name: 'x' },
      { name: 's', type: 'select' },
    ],
  });
  expect(check.ok).toBe(false);
  expect(!check.ok && check.problems).toEqual([
    'name: missing or invalid (letters, digits, ". _ -" and spaces, at most 100)',
    'description: missing',
    'fields[0].type: "colour" is not one of string, text, number, integer, boolean, select, date',
    'fields[1].name: missing or not an identifier (at most 64 characters)',
    'fields[3].options: a select needs options',
  ]);
  expect(checkJobMetadata(undefined)).toEqual({
    ok: false,
    problems: ['metadata: missing or not an object'],
  });
});

it('finds duplicate field names', () => {
  const check = checkJobMetadata({
    name: 'a',
    description: 'b',
    fields: [{ name: 'x' }, { name: 'x' }],
  });
  expect(!check.ok && check.problems).toEqual(['fields: "x" appears twice']);
});

it('takes concurrency 1 (one run at a time) and refuses other limits', () => {
  const base = { name: 'j', description: 'd' };
  expect(checkJobMetadata({ ...base, concurrency: 1 })).toMatchObject({ ok: true, concurrency: 1 });
  const plain = checkJobMetadata(base);
  expect(plain.ok && plain.concurrency).toBeUndefined();
  for (const concurrency of [2, 0, '1'])
    expect(checkJobMetadata({ ...base, concurrency })).toEqual({
      ok: false,
      problems: ['concurrency: only 1 (one run at a time) is supported'],
    });
});

it('bounds names and texts (a 30 MB job name is a problem, not a stack overflow)', () => {
  const huge = 'a'.repeat(30_000_000);
  const check = checkJobMetadata({
    name: huge,
    description: 'ok',
    fields: [{ name: 'p'.repeat(65) }, { name: 'ok', label: huge }],
  });
  expect(check.ok).toBe(false);
  const problems = check.ok ? [] : check.problems;
  expect(problems).toEqual([
    'name: missing or invalid (letters, digits, ". _ -" and spaces, at most 100)',
    'fields[0].name: missing or not an identifier (at most 64 characters)',
    'fields[1].label: longer than 10000 characters',
  ]);
  expect(problems.join('').length).toBeLessThan(500);
  expect(checkJobMetadata({ name: 'a'.repeat(100), description: 'ok' }).ok).toBe(true);
});
