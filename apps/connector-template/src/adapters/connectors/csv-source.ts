import { access } from 'node:fs/promises';
import { SourceConnector, isInWindow, readCsv, type Row } from '@toolbelt/connector';
import { EtlError, pipe } from '@toolbelt/etl';
import { pickColumns, uploadSink } from './upload-sink.js';

/**
 * CSV file source: the job's source object is the file path; options `delimiter`. Rows
 * outside the job's selection window on its filter column are left out. The mapped columns
 * and the filter column must be in the header, and no header name may repeat (DATA errors
 * naming the column; a file that seems to use another delimiter is said so).
 */
export class CsvSource extends SourceConnector {
  static override connectorId = 'csv';
  static override displayName = 'CSV file';

  override async run(): Promise<void> {
    const delimiter = typeof this.options.delimiter === 'string' ? this.options.delimiter : ',';
    const filterColumn = this.job.filterColumn;
    const requiredColumns = filterColumn
      ? [...this.sourceColumns, filterColumn]
      : this.sourceColumns;
    try {
      await pipe<Row>(readCsv(this.object, { delimiter, requiredColumns }))
        .filter((row) => !filterColumn || isInWindow(row[filterColumn], this.window))
        .map((row) => pickColumns(row, this.sourceColumns))
        .into(uploadSink(this));
    } catch (error) {
      // The reader names the file and its line; the pipeline's record count would not help.
      if (error instanceof EtlError && error.stage === 'source') throw error.cause;
      throw error;
    }
  }

  override async check(): Promise<void> {
    await access(this.object);
  }
}
