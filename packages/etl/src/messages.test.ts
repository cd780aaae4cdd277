import { describe, expect, it } from 'vitest';
import { etlMessages } from './messages.js';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );

describe('etlMessages', () => {
  it('has the same keys in en and ru', () => {
    expect(keys(etlMessages.ru)).toEqual(keys(etlMessages.en));
    expect(keys(etlMessages.en)).toContain('http.retriesExhausted');
  });
});
