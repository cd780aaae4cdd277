import { expect, it } from 'vitest';
import { fieldsFromFlags, toFlagArgv } from './cli-jobs.js';

const flags = {
  json: { name: 'json', type: 'boolean' as const },
  lang: { name: 'lang', type: 'option' as const, options: ['en', 'ru'] },
  // Settings files and logs are the runner's business: never a form field.
  dotenv: { name: 'dotenv', type: 'option' as const },
  'env-file': { name: 'env-file', type: 'option' as const, hidden: true },
  'log-dir': { name: 'log-dir', type: 'option' as const, helpGroup: 'GLOBAL' },
  sheet: {
    name: 'sheet',
    type: 'option' as const,
    summary: 'Spreadsheet id or .xlsx path.',
    required: true,
  },
  mode: { name: 'mode', type: 'option' as const, options: ['plan', 'write'], default: 'plan' },
  'dry-run': { name: 'dry-run', type: 'boolean' as const },
  'api-token': { name: 'api-token', type: 'option' as const },
};

it('derives form fields from oclif flags, leaving out the common ones', () => {
  expect(fieldsFromFlags(flags)).toEqual([
    {
      name: 'sheet',
      label: 'Spreadsheet id or .xlsx path',
      type: 'string',
      required: true,
      secret: false,
      help: 'Spreadsheet id or .xlsx path.',
    },
    {
      name: 'mode',
      label: 'mode',
      type: 'select',
      required: false,
      secret: false,
      default: 'plan',
      options: ['plan', 'write'],
    },
    { name: 'dry-run', label: 'dry-run', type: 'boolean', required: false, secret: false },
    { name: 'api-token', label: 'api-token', type: 'string', required: false, secret: true },
  ]);
});

it('labels fields from flag summaries and keeps a "Required." note as required', () => {
  const [year, mot, day] = fieldsFromFlags({
    'school-year': {
      name: 'school-year',
      type: 'option',
      summary: 'School year, NN-NN (e.g. 23-24). Required.',
    },
    mot: {
      name: 'mot',
      type: 'option',
      summary: 'MOT spreadsheet: Google id or URL, or an .xlsx path. Default: HR_MOT_SHEETS_ID.',
    },
    date: { name: 'date', type: 'option', summary: 'Date stamped on changes, YYYY-MM-DD.' },
    timezone: { name: 'timezone', type: 'option', summary: 'IANA time zone.' },
    version: { name: 'version', type: 'boolean' },
  });
  expect(year).toMatchObject({
    name: 'school-year',
    label: 'School year, NN-NN (e.g. 23-24)',
    help: 'School year, NN-NN (e.g. 23-24).',
    required: true,
  });
  expect(mot).toMatchObject({ label: 'MOT spreadsheet', required: false });
  expect(day).toMatchObject({ label: 'Date stamped on changes, YYYY-MM-DD', required: false });
  expect(fieldsFromFlags({ timezone: { name: 'timezone', type: 'option' } })).toEqual([]);
});

it('turns values back into argv', () => {
  const fields = fieldsFromFlags(flags);
  expect(toFlagArgv(fields, { sheet: 'a b.xlsx', mode: 'write', 'dry-run': true })).toEqual([
    '--sheet=a b.xlsx',
    '--mode=write',
    '--dry-run',
  ]);
  expect(toFlagArgv(fields, { 'dry-run': false })).toEqual([]);
});

it('leaves out every flag cli-kit gives all Toolbelt commands (its commonFlagNames)', async () => {
  const { commonFlagNames } = await import('@toolbelt/cli-kit/common-flags');
  const flags = Object.fromEntries(
    commonFlagNames.map((name) => [name, { name, type: 'option' as const }]),
  );
  expect(fieldsFromFlags(flags)).toEqual([]);
});
