/** How a column of {@link formatTable} lines up its cells. */
export type ColumnAlign = 'left' | 'right';

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Alignment per column (default left); numbers read best right-aligned. */
  align?: readonly ColumnAlign[];
  /** Print a line of dashes under the headers (default true). */
  rule?: boolean;
}

/** Width of a cell as a terminal shows it: code points, not UTF-16 units. */
function widthOf(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number, align: ColumnAlign): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * A plain-text table for the terminal: every column padded to its widest cell, two spaces
 * between columns, no trailing spaces. Cells with line breaks are flattened to one line.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const flat = (cell: string | undefined): string => (cell ?? '').replace(/\s*[\r\n]+\s*/g, ' ');
  const body = rows.map((row) => headers.map((_, i) => flat(row[i])));
  const widths = headers.map((h, i) =>
    Math.max(widthOf(h), ...body.map((row) => widthOf(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, options.align?.[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const lines = [line(headers)];
  if (options.rule ?? true) lines.push(line(widths.map((w) => '-'.repeat(w))));
  for (const row of body) lines.push(line(row));
  return lines.join('\n');
}
