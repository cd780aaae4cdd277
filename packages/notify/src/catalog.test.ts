import { readdir, readFile } from 'node:fs/promises';
import { compareCatalogs, createI18n } from '@toolbelt/i18n';
import { describe, expect, it } from 'vitest';
import { notifyCatalog } from './catalog.js';

describe('notifyCatalog', () => {
  it('has the same keys in en and ru', () => {
    expect(compareCatalogs(notifyCatalog)).toEqual([]);
  });

  it('holds every notify: key the sources use', async () => {
    const dir = new URL('.', import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const keys = new Set<string>();
    for (const file of files) {
      const text = await readFile(new URL(file, dir), 'utf8');
      for (const m of text.matchAll(/['`]notify:([\w.]+)['`]/g)) keys.add(m[1] ?? '');
      for (const m of text.matchAll(/(?:make|fail)\([^,]+,\s*'([\w.]+)'/g)) keys.add(m[1] ?? '');
    }
    expect(keys.size).toBeGreaterThan(10);
    const i18n = createI18n({ lang: 'en', namespaces: { notify: notifyCatalog } });
    expect([...keys].filter((k) => !i18n.has(`notify:${k}`))).toEqual([]);
  });
});
