import { createLogger, type Logger } from '@toolbelt/log';

export const MASTER_HASH = 'app-test-master-hash';

/** A logger that keeps console lines in memory. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'connector-template-test',
    consoleLevel: 'info',
    color: false,
    console: { write: (c: string) => lines.push(c.trimEnd()) },
  });
  return { logger, lines };
}

/** The example job pointed at `csv`, loading into `table` with `updateMethod`. */
export function csvToPostgresJob(csv: string, table: string, updateMethod: 'append' | 'replace') {
  return {
    name: `CSV to ${table}`,
    source: { connector: 'csv', object: csv },
    destination: { connector: 'postgres', object: table },
    mapping: [
      { column: 'id', mapped: 'id' },
      { column: 'name', mapped: 'name' },
      { column: 'amount', mapped: 'amount' },
      { column: 'empty', mapped: '' },
    ],
    updateMethod,
  };
}
