import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { configFileSchema, resolveSettings, type RotaSettings } from '../src/core/settings.js';

/** The app's built bin, for testkit's `runCli` / `runCliAsync` / `startCli`. */
export const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));

/** The example rota of the repository (18 people, bank holidays, an .ics file). */
export const exampleRota = fileURLToPath(
  new URL('../../../examples/support-rota/rota.yaml', import.meta.url),
);

/** `generate` of {@link exampleRota} over `cycles` cycles into the calendar file `ics`. */
export function generateExample(cycles: number, ics: string, ...extra: string[]): string[] {
  return ['generate', '--config', exampleRota, '--cycles', String(cycles), '--ics', ics, ...extra];
}

/** A bare environment for a run on a pseudo-terminal, without colours. */
export const terminalEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  NO_COLOR: '1',
};

/** A rota config file's data: a team of 2 + 3 over 2 cycles from Monday 2025-01-06. */
export function rotaFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test-rota',
    support_team: {
      start_cycle_with: 'g_sevens',
      g_sevens: ['George', 'Calum'],
      everyone_else: ['Thomas', 'Jake', 'Tapan'],
    },
    date_range: { start_date: '2025-01-06', n_cycles: 2 },
    ...overrides,
  };
}

/** Writes {@link rotaFile} into `dir` as JSON; returns its path. */
export function writeRota(
  dir: string,
  overrides: Record<string, unknown> = {},
  file = 'rota.json',
): string {
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(rotaFile(overrides), null, 2));
  return path;
}

/** The checked settings of {@link rotaFile} (throws when they have problems). */
export function rotaSettings(overrides: Record<string, unknown> = {}): RotaSettings {
  const result = resolveSettings(configFileSchema.parse(rotaFile(overrides)), {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.settings;
}

/** An iCalendar text parsed as a calendar app reads it (throws when it is not one). */
export function readCalendar(text: string): InstanceType<typeof ICAL.Component> {
  // ical.js types its parse result as any: it is jCal, an array.
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}
