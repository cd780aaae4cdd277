import { describe, expect, it } from 'vitest';
import { isValidConnectorName, planScaffold } from './scaffold.js';
import { exitCodeOfChecks, exitCodeOfStages, planStages, shouldRunDestination } from './stages.js';

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
    expect(exitCodeOfChecks({ ok: true })).toBe('OK');
    expect(exitCodeOfChecks({ ok: false })).toBe('CONFIG');
  });
});

describe('planScaffold', () => {
  it('accepts dashed lower-case names only', () => {
    expect(isValidConnectorName('google-ads')).toBe(true);
    for (const bad of ['Google', 'a_b', '-a', 'a-', '1a', ''])
      expect(isValidConnectorName(bad)).toBe(false);
  });
  it('plans a package in the shape of every package: connector, core, i18n, tests', () => {
    const plan = planScaffold({ name: 'google-ads', kind: 'source', sdkVersion: '^0.1.0' });
    expect(Object.keys(plan.files).sort()).toEqual([
      'README.md',
      'package.json',
      'src/core/to-row.test.ts',
      'src/core/to-row.ts',
      'src/google-ads-source.test.ts',
      'src/google-ads-source.ts',
      'src/i18n/en.ts',
      'src/i18n/index.ts',
      'src/i18n/messages.test.ts',
      'src/i18n/ru.ts',
      'src/index.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    const code = plan.files['src/google-ads-source.ts'];
    expect(code).toContain('export class GoogleAdsSource extends SourceConnector');
    expect(code).toContain("static override connectorId = 'google-ads';");
    expect(code).toContain("throw messages.error('CONFIG', 'errors.noObject')");
    expect(plan.files['src/index.ts']).toContain('GoogleAdsSource as connector');
    expect(plan.files['src/i18n/index.ts']).toContain("defineMessages('google-ads', { en, ru })");
    const destination = planScaffold({ name: 'wh', kind: 'destination', sdkVersion: '^0.1.0' });
    expect(Object.keys(destination.files)).toContain('src/core/to-item.ts');
    expect(destination.files['src/wh-destination.ts']).toContain('extends DestinationConnector');
    const pkg = JSON.parse(plan.files['package.json'] ?? '{}') as { dependencies: unknown };
    expect(pkg.dependencies).toEqual({
      '@toolbelt/connector': '^0.1.0',
      '@toolbelt/errors': '^0.1.0',
      '@toolbelt/i18n': '^0.1.0',
      '@toolbelt/log': '^0.1.0',
    });
    expect(plan.registryEntry).toEqual({
      connector_id: 'google-ads',
      credentials: [],
      env: [],
      module: './google-ads/dist/index.js',
    });
  });
});
