import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GoogleStandIn, startGoogleStandIn } from '../src/google.js';

let standIn: GoogleStandIn;
let api: sheets_v4.Sheets;
const ID = 'sheet-1';

beforeAll(async () => {
  standIn = await startGoogleStandIn();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  api = sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth, retry: false });
}, 60_000);
afterAll(async () => standIn.stop());

beforeEach(() => {
  standIn.faults.clear();
  standIn.requests.clear();
  standIn.seedSpreadsheet(ID, {
    title: 'Book',
    tabs: {
      "Bob's tab 1": {
        values: [['h1', 'h2'], ['a', 1, '', 'x'], [], ['c', 3]],
        strikethrough: ['A2'],
      },
      Other: { values: [[10, 'z']] },
    },
  });
});

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

describe('Sheets v4 stand-in with the real googleapis client', () => {
  it('reads values with quoted sheet names, omitting trailing empties', async () => {
    const res = await api.spreadsheets.values.get({
      spreadsheetId: ID,
      range: "'Bob''s tab 1'!A1:D",
    });
    expect(res.data.range).toBe("'Bob''s tab 1'!A1:D1000");
    expect(res.data.values).toEqual([['h1', 'h2'], ['a', '1', '', 'x'], [], ['c', '3']]);
    const unformatted = await api.spreadsheets.values.get({
      spreadsheetId: ID,
      range: "'Bob''s tab 1'!B2:B",
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(unformatted.data.values).toEqual([[1], [], [3]]);
    const empty = await api.spreadsheets.values.get({ spreadsheetId: ID, range: 'Other!C5:D6' });
    expect(empty.data.values).toBeUndefined();
  });

  it('answers an unknown tab with 400 and an unknown spreadsheet with 404, in Google error shape', async () => {
    const bad = await api.spreadsheets.values
      .get({ spreadsheetId: ID, range: 'Nope!A1' })
      .catch((e: unknown) => e);
    expect(status(bad)).toBe(400);
    expect((bad as { response: { data: unknown } }).response.data).toEqual({
      error: { code: 400, message: 'Unable to parse range: Nope!A1', status: 'INVALID_ARGUMENT' },
    });
    const missing = await api.spreadsheets.get({ spreadsheetId: 'nope' }).catch((e: unknown) => e);
    expect(status(missing)).toBe(404);
  });

  it('requires valueInputOption and distinguishes RAW from USER_ENTERED', async () => {
    const noOption = await api.spreadsheets.values
      .update({ spreadsheetId: ID, range: 'Other!A1', requestBody: { values: [['x']] } })
      .catch((e: unknown) => e);
    expect(status(noOption)).toBe(400);
    await api.spreadsheets.values.update({
      spreadsheetId: ID,
      range: 'Other!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['2024-10-02', '12']] },
    });
    const raw = await api.spreadsheets.values.update({
      spreadsheetId: ID,
      range: 'Other!A2',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['2024-10-02', '12', 'TRUE', "'7"]] },
    });
    expect(raw.data).toMatchObject({
      updatedRange: 'Other!A2:D2',
      updatedCells: 4,
      updatedRows: 1,
      updatedColumns: 4,
    });
    expect(standIn.getValues(ID, 'Other')).toEqual([
      ['2024-10-02', '12'],
      [45567, 12, true, '7'],
    ]);
    const formatted = await api.spreadsheets.values.get({ spreadsheetId: ID, range: 'Other!A2' });
    expect(formatted.data.values).toEqual([['2024-10-02']]);
    const tooMany = await api.spreadsheets.values
      .update({
        spreadsheetId: ID,
        range: 'Other!A1:A2',
        valueInputOption: 'RAW',
        requestBody: { values: [['a'], ['b'], ['c']] },
      })
      .catch((e: unknown) => e);
    expect(status(tooMany)).toBe(400);
  });

  it('batchGet, batchUpdate, clear and append', async () => {
    const got = await api.spreadsheets.values.batchGet({
      spreadsheetId: ID,
      ranges: ['Other!A1:B1', "'Bob''s tab 1'!A4"],
    });
    expect(got.data.valueRanges?.map((v) => v.values)).toEqual([[['10', 'z']], [['c']]]);
    const upd = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: ID,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'Other!C1', values: [['c1']] },
          { range: 'Other!A3', values: [['a3', null, 'c3']] },
        ],
      },
    });
    expect(upd.data.totalUpdatedCells).toBe(3);
    await api.spreadsheets.values.clear({ spreadsheetId: ID, range: 'Other!A1:A1' });
    expect(standIn.getValues(ID, 'Other')).toEqual([['', 'z', 'c1'], [], ['a3', '', 'c3']]);
    const app = await api.spreadsheets.values.append({
      spreadsheetId: ID,
      range: "'Bob''s tab 1'!A1:B",
      valueInputOption: 'RAW',
      requestBody: { values: [['d', 4]] },
    });
    expect(app.data.updates?.updatedRange).toBe("'Bob''s tab 1'!A5:B5");
    expect(app.data.tableRange).toBe("'Bob''s tab 1'!A1:B4");
  });

  it('spreadsheets.get with ranges, grid data and a fields mask returns only what was asked', async () => {
    const res = await api.spreadsheets.get({
      spreadsheetId: ID,
      ranges: ["'Bob''s tab 1'!A2:A"],
      includeGridData: true,
      fields:
        'sheets(properties(title,sheetId),data(startRow,rowData/values(effectiveValue,userEnteredFormat/textFormat/strikethrough)))',
    });
    expect(res.data.sheets).toHaveLength(1);
    const sheet = res.data.sheets?.[0];
    expect(sheet?.properties).toEqual({ title: "Bob's tab 1", sheetId: 0 });
    expect(sheet?.data?.[0]?.startRow).toBe(1);
    expect(sheet?.data?.[0]?.rowData).toEqual([
      {
        values: [
          {
            effectiveValue: { stringValue: 'a' },
            userEnteredFormat: { textFormat: { strikethrough: true } },
          },
        ],
      },
      {},
      { values: [{ effectiveValue: { stringValue: 'c' } }] },
    ]);
  });

  it('batchUpdate: updateCells, repeatCell, sortRange, addSheet, deleteDimension, atomically', async () => {
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: ID,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: 'New tab' } } },
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 4, columnIndex: 0 },
              rows: [
                {
                  values: [
                    { userEnteredValue: { stringValue: 'b' } },
                    { userEnteredValue: { numberValue: 2 } },
                  ],
                },
              ],
              fields: 'userEnteredValue',
            },
          },
          {
            repeatCell: {
              range: {
                sheetId: 0,
                startRowIndex: 1,
                endRowIndex: 5,
                startColumnIndex: 1,
                endColumnIndex: 2,
              },
              cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
          {
            sortRange: {
              range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
              sortSpecs: [{ dimensionIndex: 1, sortOrder: 'DESCENDING' }],
            },
          },
        ],
      },
    });
    expect(res.data.replies?.[0]?.addSheet?.properties?.title).toBe('New tab');
    // Column D (outside the sorted columns) stays where it was; blanks sort last.
    expect(standIn.getValues(ID, "Bob's tab 1")).toEqual([
      ['h1', 'h2'],
      ['c', 3, '', 'x'],
      ['b', 2],
      ['a', 1],
    ]);
    const fmt = await api.spreadsheets.values.get({
      spreadsheetId: ID,
      range: "'Bob''s tab 1'!B2",
    });
    expect(fmt.data.values).toEqual([['3.00']]);
    expect(standIn.spreadsheets.listTabs(ID)).toEqual(["Bob's tab 1", 'Other', 'New tab']);

    const failing = await api.spreadsheets
      .batchUpdate({
        spreadsheetId: ID,
        requestBody: {
          requests: [
            {
              deleteDimension: {
                range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1 },
              },
            },
            { addSheet: { properties: { title: 'Other' } } },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(status(failing)).toBe(400);
    expect(standIn.getValues(ID, "Bob's tab 1")[0]).toEqual(['h1', 'h2']);
    const beyond = await api.spreadsheets
      .batchUpdate({
        spreadsheetId: ID,
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 1000 },
                rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }],
                fields: '*',
              },
            },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(status(beyond)).toBe(400);
    await api.spreadsheets.batchUpdate({
      spreadsheetId: ID,
      requestBody: {
        requests: [
          {
            deleteDimension: {
              range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1 },
            },
          },
        ],
      },
    });
    expect(standIn.getValues(ID, "Bob's tab 1")[0]).toEqual(['c', 3, '', 'x']);
    expect(standIn.spreadsheets.getGrid(ID, "Bob's tab 1").rowCount).toBe(999);
  });

  it('answers queued faults in Google shape and counts every request by method', async () => {
    standIn.faults.add({
      kind: 'rateLimit429',
      retryAfterSeconds: 3,
      method: 'sheets.spreadsheets.values.get',
    });
    standIn.faults.add({ kind: 'permissionDenied' });
    const limited = await api.spreadsheets.values
      .get({ spreadsheetId: ID, range: 'Other' })
      .catch((e: unknown) => e);
    expect(status(limited)).toBe(429);
    const headers = (limited as { response: { headers: Headers } }).response.headers;
    expect(headers.get('retry-after')).toBe('3');
    const denied = await api.spreadsheets.get({ spreadsheetId: ID }).catch((e: unknown) => e);
    expect((denied as { response: { data: unknown } }).response.data).toEqual({
      error: {
        code: 403,
        message: 'The caller does not have permission',
        status: 'PERMISSION_DENIED',
      },
    });
    await api.spreadsheets.get({ spreadsheetId: ID });
    expect(standIn.requests.counts()).toEqual({
      'sheets.spreadsheets.values.get': 1,
      'sheets.spreadsheets.get': 2,
    });
  });

  it('answers slowly when told to, and counts requests in flight', async () => {
    standIn.faults.add({ kind: 'slow', delayMs: 100, method: 'sheets.spreadsheets.get', times: 2 });
    const [a, b] = await Promise.all([
      api.spreadsheets.get({ spreadsheetId: ID }),
      api.spreadsheets.get({ spreadsheetId: ID }),
    ]);
    expect(a.data.sheets).toHaveLength(2);
    expect(b.data.sheets).toHaveLength(2);
    expect(standIn.requests.maxInFlight()).toBe(2);
    expect(standIn.requests.log().map((r) => r.fault)).toEqual(['slow', 'slow']);
    expect(standIn.faults.pending()).toEqual([]);
  });

  it('refuses requests without a bearer token', async () => {
    const anonymous = sheets({ version: 'v4', rootUrl: standIn.rootUrl, retry: false });
    const res = await anonymous.spreadsheets.get({ spreadsheetId: ID }).catch((e: unknown) => e);
    expect(status(res)).toBe(401);
  });
});
