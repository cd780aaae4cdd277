import { expect, it } from 'vitest';
import { formatTable } from './table.js';

it('pads every column to its widest cell, numbers to the right', () => {
  const table = formatTable(
    ['ID', 'STATUS', 'JOB'],
    [
      ['9', 'succeeded', 'hello-world'],
      ['10', 'failed (1)', 'report'],
    ],
    { align: ['right'] },
  );
  expect(table.split('\n')).toEqual([
    'ID  STATUS      JOB',
    '--  ----------  -----------',
    ' 9  succeeded   hello-world',
    '10  failed (1)  report',
  ]);
});

it('counts Cyrillic letters as one column each and flattens line breaks', () => {
  const table = formatTable(['ЗАДАНИЕ', 'X'], [['отчёт', 'a\nb']], { rule: false });
  expect(table.split('\n')).toEqual(['ЗАДАНИЕ  X', 'отчёт    a b']);
});
