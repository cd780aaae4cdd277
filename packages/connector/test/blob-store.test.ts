import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3StandIn } from '@toolbelt/testkit/s3';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { isToolbeltError } from '@toolbelt/errors';
import { createBlobStoreFromEnv, createLocalBlobStore, createS3BlobStore } from '../src/index.js';
import { blobStoreContract } from './blob-store-contract.js';

const dir = makeTempDir('blob-store');
let s3: S3StandIn;
let counter = 0;
beforeAll(async () => {
  s3 = await startS3({ bucket: 'connector-batches' });
}, 60_000);
afterAll(async () => {
  await s3?.stop();
  await dir.cleanup();
});

blobStoreContract('local folder', () =>
  createLocalBlobStore({ dir: `${dir.path}/store-${++counter}` }),
);
// Each S3 test gets its own key prefix, so tests do not see each other's objects.
blobStoreContract('S3 (AWS SDK v3 against s3rver)', () =>
  createS3BlobStore({ ...s3.clientConfig, bucket: s3.bucket, prefix: `t${++counter}/` }),
);

describe('createBlobStoreFromEnv', () => {
  it('picks S3 from S3_BUCKET and the local folder otherwise', async () => {
    const viaEnv = createBlobStoreFromEnv({ ...s3.env, S3_PREFIX: 'env/' });
    expect(viaEnv.location).toBe('s3://connector-batches/env/');
    await viaEnv.put('etlJobHistory/e5-b1.json', '[1]');
    expect(await viaEnv.list('etlJobHistory/')).toEqual(['etlJobHistory/e5-b1.json']);
    const local = createBlobStoreFromEnv({}, dir.path);
    expect(local.location).toBe(`${dir.path}/.objects`);
  });

  it('maps a missing bucket to a Toolbelt error', async () => {
    const store = createS3BlobStore({ ...s3.clientConfig, bucket: 'no-such-bucket' });
    const error = await store.check().catch((e: unknown) => e);
    expect(isToolbeltError(error)).toBe(true);
  });
});
