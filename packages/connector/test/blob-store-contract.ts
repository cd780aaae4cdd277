import { describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import type { BlobStore } from '../src/blob-store.js';

/** The behaviour every `BlobStore` adapter must have; `make` gives a fresh, empty store. */
export function blobStoreContract(name: string, make: () => BlobStore): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('puts and gets bytes and text', async () => {
      const store = make();
      await store.put('etlJobHistory/e1-b1.json', '[{"a":"é"}]');
      await store.put('bin/x', new Uint8Array([0, 1, 255]));
      expect(Buffer.from(await store.get('etlJobHistory/e1-b1.json')).toString('utf8')).toBe(
        '[{"a":"é"}]',
      );
      expect([...(await store.get('bin/x'))]).toEqual([0, 1, 255]);
    });

    it('overwrites an existing key', async () => {
      const store = make();
      await store.put('k/one', 'first');
      await store.put('k/one', 'second');
      expect(Buffer.from(await store.get('k/one')).toString()).toBe('second');
      expect(await store.list('k/')).toEqual(['k/one']);
    });

    it('lists by prefix, sorted, without other histories', async () => {
      const store = make();
      for (const key of [
        'etlJobHistory/e12-b1.json',
        'etlJobHistory/e1-b2.json',
        'etlJobHistory/e1-b10.json',
        'etlJobHistory/e1-b1.json',
        'other/e1-b1.json',
      ]) {
        await store.put(key, '[]');
      }
      expect(await store.list('etlJobHistory/e1-b')).toEqual([
        'etlJobHistory/e1-b1.json',
        'etlJobHistory/e1-b10.json',
        'etlJobHistory/e1-b2.json',
      ]);
      expect(await store.list('nothing/')).toEqual([]);
    });

    it('reports a missing key as DATA and deletes idempotently', async () => {
      const store = make();
      await store.put('gone/soon', 'x');
      await store.delete('gone/soon');
      await store.delete('gone/soon');
      const error = await store.get('gone/soon').catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.code).toBe('DATA');
      expect(await store.list('gone/')).toEqual([]);
    });

    it('refuses keys that could escape', async () => {
      const store = make();
      await expect(store.put('../evil', 'x')).rejects.toThrow(/Invalid object key/);
      await expect(store.put('/abs', 'x')).rejects.toThrow(/Invalid object key/);
    });

    it('passes its reachability check', async () => {
      await expect(make().check()).resolves.toBeUndefined();
    });
  });
}
