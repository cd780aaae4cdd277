import { describe, expect, it } from 'vitest';
import { helpSnapshotKey } from './fast-help.js';

describe('helpSnapshotKey', () => {
  it('answers pure help requests with language and command id', () => {
    expect(helpSnapshotKey(['--help'], {})).toBe('en:');
    expect(helpSnapshotKey(['jobs', 'add', '--help', '--lang', 'ru'], {})).toBe('ru:jobs:add');
    expect(helpSnapshotKey(['run', '-h', '--lang=en'], { LANG: 'ru_RU.UTF-8' })).toBe('en:run');
    expect(helpSnapshotKey(['run', '--help'], { LANG: 'ru_RU.UTF-8' })).toBe('ru:run');
  });

  it('leaves everything else to oclif', () => {
    expect(helpSnapshotKey(['run'], {})).toBeUndefined();
    expect(helpSnapshotKey(['run', '--date', 'x', '--help'], {})).toBeUndefined();
    expect(helpSnapshotKey(['run', '--help', '--lang', 'fr'], {})).toBeUndefined();
  });
});
