import type { Texts } from '@toolbelt/errors';
import type { ColumnProblem } from '../core/mot-columns.js';
import type { LayoutProblem } from '../core/sheet-rows.js';
import { messages } from './index.js';

// The core returns its problems as data; these are their words, in every language.

/** A column-map problem of the core, worded; `tab` is the MOT tab it was found on. */
export function columnProblem(p: ColumnProblem, tab = ''): Texts {
  switch (p.kind) {
    case 'headerNotFound':
      return messages.text('problems.motHeaderNotFound', { field: p.field, header: p.header, tab });
    case 'outOfRange':
      return messages.text('problems.motColumnOutOfRange', {
        field: p.field,
        column: p.column,
        last: p.last,
        tab,
      });
    case 'ambiguousHeader':
      return messages.text('problems.motHeaderAmbiguous', {
        field: p.field,
        header: p.header,
        columns: p.columns.join(', '),
        tab,
      });
    case 'invalidRef':
      return messages.text('problems.motColumnRef', { field: p.field, ref: p.ref });
    case 'unknownField':
      return messages.text('problems.motColumnField', { field: p.field });
  }
}

/** A tracker layout problem of the core, worded. */
export function layoutProblem(p: LayoutProblem, tab: string): Texts {
  if (p.kind === 'noHeader')
    return messages.text('problems.trackerNoHeader', { tab, rows: p.rows });
  return messages.text('problems.trackerHeader', {
    tab,
    cell: p.column,
    expected: p.expected,
    found: p.found,
  });
}
