import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { describe, expect, it } from 'vitest';
import { createBackupFolder } from './backup-folder.js';

describe('backup folder', () => {
  it('keeps the newest 10 copies per tab and leaves other files alone', async () => {
    const dir = makeTempDir('tech-tracker-backups');
    try {
      await writeFile(join(dir.path, 'notes.txt'), 'mine');
      const backups = createBackupFolder({ dir: dir.path });
      const saved: string[] = [];
      for (let i = 0; i < 12; i++) {
        saved.push(
          await backups.save({
            location: 'x.xlsx',
            tab: '23-24 Tracker',
            takenAt: new Date(Date.UTC(2023, 6, 15, 10, 0, i)).toISOString(),
            values: [[i]],
          }),
        );
      }
      await backups.save({
        location: 'x.xlsx',
        tab: '24-25 Tracker',
        takenAt: '2023-07-15T09:00:00.000Z',
        values: [],
      });
      const files = (await readdir(dir.path)).sort();
      expect(files).toHaveLength(12);
      expect(files).toContain('notes.txt');
      expect(files).toContain('tech-tracker_24-25-Tracker_2023-07-15_09-00-00-000.json');
      expect(files).not.toContain('tech-tracker_23-24-Tracker_2023-07-15_10-00-01-000.json');
      expect((await backups.load(saved[11] ?? '')).values).toEqual([[11]]);
    } finally {
      await dir.cleanup();
    }
  });
});
