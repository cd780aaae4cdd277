import { describe, expect, it } from 'vitest';
import { compareCatalogs } from '@toolbelt/i18n';
import { catalogs } from '../i18n/catalogs.js';
import { isValidConnectorName, planScaffold } from './scaffold.js';
import { exitCodeOfStages, planStages, shouldRunDestination } from './stages.js';
import { formatTable } from './table.js';

describe('planStages', () => {
  it('runs source then destination by default and one stage on request', () => {
    expect(planStages({ dryRun: false })).toEqual({ ok: true, stages: ['source', 'destination'] });
    expect(planStages({ dryRun: true })).toEqual({ ok: true, stages: ['source'] });
    expect(planStages({ stage: 'source', dryRun: false })).toEqual({
      ok: true,
      stages: ['source'],
    });
    expect(planStages({ stage: 'destination', historyId: 3, dryRun: false })).toEqual({
      ok: true,
      stages: ['destination'],
    });
  });
  it('names what is wrong with a request', () => {
    expect(planStages({ stage: 'destination', dryRun: false })).toEqual({
      ok: false,
      problem: 'historyRequired',
    });
    expect(planStages({ historyId: 2, dryRun: false })).toEqual({
      ok: false,
      problem: 'historyWithSource',
    });
    expect(planStages({ stage: 'destination', historyId: 2, dryRun: true })).toEqual({
      ok: false,
      problem: 'dryRunDestination',
    });
  });
  it('runs the destination only after a source that loaded rows', () => {
    expect(shouldRunDestination({ exitCode: 0, status: 'Running', rowsAffected: 5 })).toBe(true);
    expect(shouldRunDestination({ exitCode: 0, status: 'Finished', rowsAffected: 0 })).toBe(false);
    expect(shouldRunDestination({ exitCode: 65, status: 'Failed', rowsAffected: 5 })).toBe(false);
    expect(exitCodeOfStages([{ exitCode: 0 }, { exitCode: 69 }])).toBe(69);
    expect(exitCodeOfStages([])).toBe(0);
  });
});

describe('planScaffold', () => {
  it('accepts dashed lower-case names only', () => {
    expect(isValidConnectorName('google-ads')).toBe(true);
    for (const bad of ['Google', 'a_b', '-a', 'a-', '1a', ''])
      expect(isValidConnectorName(bad)).toBe(false);
  });
  it('plans a package with run(), a test and a registry entry', () => {
    const plan = planScaffold({ name: 'google-ads', kind: 'source', sdkVersion: '^0.1.0' });
    expect(Object.keys(plan.files).sort()).toEqual([
      'README.md',
      'package.json',
      'src/index.test.ts',
      'src/index.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    expect(plan.files['src/index.ts']).toContain(
      'export class GoogleAdsSource extends SourceConnector',
    );
    expect(plan.files['src/index.ts']).toContain("static override connectorId = 'google-ads';");
    expect(
      JSON.parse(plan.files['package.json'] as string).dependencies['@toolbelt/connector'],
    ).toBe('^0.1.0');
    expect(plan.registryEntry).toEqual({
      connector_id: 'google-ads',
      credentials: [],
      env: [],
      module: './google-ads/dist/index.js',
    });
  });
});

describe('formatTable', () => {
  it('pads columns to the widest cell', () => {
    expect(
      formatTable(
        ['ID', 'NAME'],
        [
          ['1', 'Ann'],
          ['12', 'B'],
        ],
      ),
    ).toBe('ID  NAME\n--  ----\n1   Ann\n12  B');
  });
});

describe('catalogs', () => {
  it('have the same keys in English and Russian', () => {
    for (const pair of Object.values(catalogs)) expect(compareCatalogs(pair)).toEqual([]);
  });
});
