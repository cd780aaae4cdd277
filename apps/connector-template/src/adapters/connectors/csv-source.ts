import { access } from 'node:fs/promises';
import { SourceConnector, isInWindow, type Row } from '@toolbelt/connector';
import { pipe } from '@toolbelt/etl';
import { readCsv } from '../csv-reader.js';
import { pickColumns, uploadSink } from './upload-sink.js';

/**
 * CSV file source: the job's source object is the file path; options `delimiter`. Rows
 * outside the job's selection window on its filter column are left out.
 */
export class CsvSource extends SourceConnector {
  static override connectorId = 'csv';
  static override displayName = 'CSV file';

  override async run(): Promise<void> {
    const delimiter = typeof this.options.delimiter === 'string' ? this.options.delimiter : ',';
    const filterColumn = this.job.filterColumn;
    await pipe<Row>(readCsv(this.object, { delimiter }))
      .filter((row) => !filterColumn || isInWindow(row[filterColumn], this.window))
      .map((row) => pickColumns(row, this.sourceColumns))
      .into(uploadSink(this));
  }

  override async check(): Promise<void> {
    await access(this.object);
  }
}
