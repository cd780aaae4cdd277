import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import { runCli } from '@toolbelt/testkit';
import { usageMistakes } from '@toolbelt/testkit/usage-mistakes';
import { bin, exampleRota } from './builders.js';
import { errorResult, parseJson } from './schemas.js';

const kit = usageMistakes(import.meta.url, vitest);

await kit.describeTypedFlagMistakes('log-keep');

describe('the everyday mistakes of support-rota', () => {
  kit.walkMistakes([
    [['generte'], 64, 'Unknown command "generte". Did you mean "generate"?', '«generate»'],
    [
      ['generate', '--dryrun'],
      64,
      'Unknown flag --dryrun. Did you mean --dry-run?',
      'Неизвестный флаг --dryrun. Возможно, имелся в виду --dry-run?',
    ],
    [
      ['generate', '--cycles', 'abc'],
      64,
      'Error: --cycles expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --cycles ожидает целое число, получено «abc».',
    ],
    [
      ['generate', '--cycles', '2', '--cycles', '3'],
      64,
      '--cycles was given more than once; give it once.',
      '--cycles указан больше одного раза',
    ],
    [
      ['generate', '--config', 'nope.yaml'],
      78,
      'Error: cannot read nope.yaml: no such file.\n',
      'Ошибка: не удалось прочитать nope.yaml: нет такого файла.',
    ],
    [
      ['generate', '--env-file', 'missing.env'],
      78,
      'cannot read missing.env: no such file. Check the --dotenv path.',
      'не удалось прочитать missing.env: нет такого файла.',
    ],
  ]);

  it('answers `help generate` and `-v`', () => {
    expect(kit.inEmptyDir(['help', 'generate']).stdout).toContain('--replace-all');
    expect(kit.inEmptyDir(['-v']).stdout).toMatch(/^@toolbelt\/support-rota\//);
  });
});

describe('an unreadable holidays file follows the rule of every input file', () => {
  const rota = exampleRota;
  /** A folder with the example rota (writing an .ics) and nothing else. */
  function withRota(config = readFileSync(rota, 'utf8')) {
    const dir = kit.tempDir();
    writeFileSync(join(dir.path, 'rota.yaml'), config);
    return dir.path;
  }
  const written = (cwd: string) => readdirSync(cwd).filter((n) => n !== '.logs');

  it('--holidays nope.json: USAGE 64, as --mot and --source-file, en and ru, nothing written', () => {
    const cwd = withRota();
    const args = ['generate', '--config', 'rota.yaml', '--holidays', 'nope.json'];
    const en = runCli(bin, args, { cwd });
    expect(en.status, en.stderr).toBe(64);
    expect(en.stderr).toBe('Error: cannot read nope.json: no such file.\nSee --help for usage.\n');
    const ru = runCli(bin, [...args, '--lang', 'ru'], { cwd });
    expect(ru.status).toBe(64);
    expect(ru.stderr).toContain('Ошибка: не удалось прочитать nope.json: нет такого файла.\n');
    const json = runCli(bin, [...args, '--json'], { cwd });
    expect(parseJson(errorResult, json.stdout).error).toMatchObject({
      code: 'USAGE',
      exitCode: 64,
    });
    expect(written(cwd)).toEqual(['rota.yaml']);
  });

  it('holidays: in the config file: CONFIG 78 (a settings file), the path resolved', () => {
    const cwd = withRota(
      readFileSync(rota, 'utf8').replace(/^holidays:.*$/m, 'holidays: nope.json'),
    );
    expect(readFileSync(join(cwd, 'rota.yaml'), 'utf8')).toMatch(/^holidays: nope.json$/m);
    const en = runCli(bin, ['generate', '--config', 'rota.yaml'], { cwd });
    expect(en.status, en.stderr).toBe(78);
    expect(en.stderr).toContain(`Error: cannot read ${join(cwd, 'nope.json')}: no such file.\n`);
    const ru = runCli(bin, ['generate', '--config', 'rota.yaml', '--lang', 'ru'], { cwd });
    expect(ru.status).toBe(78);
    expect(ru.stderr).toContain('нет такого файла');
    expect(written(cwd)).toEqual(['rota.yaml']);
  });
});
