import type { Env } from './env.js';
import type { BlobStore } from './blob-store.js';
import { createLocalBlobStore } from './local-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';

/**
 * Picks the object store from the environment: S3 when `S3_BUCKET` is set (`S3_REGION` or
 * `AWS_REGION`, `S3_ENDPOINT`, `S3_FORCE_PATH_STYLE`, `S3_PREFIX`; `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY` from `env`, else the AWS SDK chain), else the local folder `OBJECTS_DIR` (default `.objects`).
 */
export function createBlobStoreFromEnv(env: Env, cwd = process.cwd()): BlobStore {
  if (env.S3_BUCKET) {
    // Keys from a .env file are not in process.env, where the SDK's own chain looks.
    const credentials =
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            sessionToken: env.AWS_SESSION_TOKEN || undefined,
          }
        : undefined;
    return createS3BlobStore({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
      endpoint: env.S3_ENDPOINT || undefined,
      forcePathStyle:
        env.S3_FORCE_PATH_STYLE === 'true' ||
        env.S3_FORCE_PATH_STYLE === '1' ||
        Boolean(env.S3_ENDPOINT),
      prefix: env.S3_PREFIX,
      credentials,
    });
  }
  const dir = env.OBJECTS_DIR ?? '.objects';
  return createLocalBlobStore({ dir: dir.startsWith('/') ? dir : `${cwd}/${dir}` });
}
