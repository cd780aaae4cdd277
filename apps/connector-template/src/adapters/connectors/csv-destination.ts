import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createWriteStream, existsSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DestinationConnector, updateMethods, type Row } from '@toolbelt/connector';

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (`-12.5`, `+3`, `1e-3`): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * One CSV field (RFC 4180 quoting); objects as JSON, null as empty. Unless `raw`, a text
 * starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that a spreadsheet shows
 * it as text instead of running it as a formula (OWASP); plain numbers are left as they are.
 */
export function toCsvField(value: unknown, raw = false): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : (JSON.stringify(value) ?? '');
  if (!raw && typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `.<name>.<pid>.<time>.tmp` beside the file: the temp file a load writes. */
const tempPattern = (name: string): RegExp =>
  new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.\\d+\\.tmp$`);

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * CSV file destination: the destination object is the file. Append adds rows (and the
 * header when the file is new or empty); Replace writes the file anew.
 *
 * The load writes a temp file beside the target (`.<name>.<pid>.<time>.tmp`; for Append a
 * copy of the old file first) and renames it over the target only when every batch is
 * written, so a failed, killed or interrupted run (Ctrl-C) leaves the old file whole.
 * Temp files of runs that were killed are removed by the next load.
 *
 * Option `rawValues` (default false) writes values exactly as they are, for programs that
 * read the file; by default texts that a spreadsheet would run as a formula are escaped
 * (see `toCsvField`).
 */
export class CsvDestination extends DestinationConnector {
  static override connectorId = 'csv';
  static override displayName = 'CSV file';
  private out: WriteStream | undefined;
  private needsHeader = true;
  private failure: Error | undefined;

  private get raw(): boolean {
    return this.options.rawValues === true;
  }

  override async run(): Promise<void> {
    const dir = dirname(this.object);
    const name = basename(this.object);
    await mkdir(dir, { recursive: true });
    await this.removeAbandonedTemps(dir, name);
    const temp = join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
    // Ctrl-C ends the process with process.exit (cli-kit): the temp file goes with it.
    const removeTemp = (): void => {
      try {
        unlinkSync(temp);
      } catch {
        // Already renamed or never created.
      }
    };
    process.once('exit', removeTemp);
    try {
      const keep =
        this.job.updateMethod === updateMethods.append &&
        existsSync(this.object) &&
        statSync(this.object).size > 0;
      if (keep) await copyFile(this.object, temp);
      this.needsHeader = !keep;
      this.out = createWriteStream(temp, { flags: keep ? 'a' : 'w' });
      this.out.on('error', (error) => (this.failure ??= error));
      await this.runBatches();
      const out = this.out;
      out.end();
      await finished(out);
      this.out = undefined;
      if (this.batchCount > 0) {
        // The new file keeps the old one's permissions (copyFile already did for Append).
        if (!keep && existsSync(this.object)) await chmod(temp, statSync(this.object).mode);
        await rename(temp, this.object);
      } else await unlink(temp);
    } catch (error) {
      this.out?.destroy();
      await unlink(temp).catch(() => {});
      throw error;
    } finally {
      process.removeListener('exit', removeTemp);
    }
  }

  /** Replace never reads the old file; the rename replaces it (see `run`). */
  override async clear(): Promise<void> {}

  override async batch(rows: Row[]): Promise<number> {
    const out = this.out;
    if (!out) throw new Error('CsvDestination.batch() is called by run() only');
    if (this.failure) throw this.failure;
    const columns = this.destinationColumns;
    const raw = this.raw;
    let text = '';
    if (this.needsHeader) {
      text = columns.map((c) => toCsvField(c, raw)).join(',') + '\n';
      this.needsHeader = false;
    }
    for (const row of rows) {
      text += columns.map((c) => toCsvField(row[c], raw)).join(',') + '\n';
      if (text.length > 256 * 1024) {
        if (!out.write(text)) await once(out, 'drain');
        text = '';
      }
    }
    if (text !== '' && !out.write(text)) await once(out, 'drain');
    return rows.length;
  }

  private async removeAbandonedTemps(dir: string, name: string): Promise<void> {
    const pattern = tempPattern(name);
    for (const entry of await readdir(dir)) {
      const pid = Number(pattern.exec(entry)?.[1]);
      if (Number.isSafeInteger(pid) && pid > 0 && processGone(pid))
        await unlink(join(dir, entry)).catch(() => {});
    }
  }

  override async check(): Promise<void> {
    await mkdir(dirname(this.object), { recursive: true });
  }
}
