import type * as S3Sdk from '@aws-sdk/client-s3';
import type { ToolbeltError } from '@toolbelt/errors';
import { assertValidKey, type BlobStore } from './blob-store.js';
import { messages } from './i18n/index.js';

/** Options of `createS3BlobStore`. */
export interface S3BlobStoreOptions {
  bucket: string;
  /** AWS region (default `us-east-1`). */
  region?: string;
  /** Endpoint of an S3-compatible server (MinIO, a stand-in); default AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by most S3-compatible servers. */
  forcePathStyle?: boolean;
  /** Static credentials; default the SDK's chain (env `AWS_ACCESS_KEY_ID`..., profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Key prefix inside the bucket (e.g. `team-a/`). */
  prefix?: string;
}

type S3Module = typeof S3Sdk;
type S3ClientType = S3Sdk.S3Client;

/** Turns SDK failures into Toolbelt codes: refused credentials AUTH, throttling TEMPFAIL, the rest UNAVAILABLE. */
function wrap(error: unknown, action: string): ToolbeltError {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; message?: string };
  const status = e.$metadata?.httpStatusCode;
  const code =
    status === 401 ||
    status === 403 ||
    e.name === 'InvalidAccessKeyId' ||
    e.name === 'SignatureDoesNotMatch'
      ? 'AUTH'
      : status === 429 || e.name === 'SlowDown'
        ? 'TEMPFAIL'
        : 'UNAVAILABLE';
  const reason = `${e.name ?? 'Error'} ${e.message ?? ''}`.trim();
  return messages.error(code, 'errors.s3Failed', { action, reason }, { cause: error });
}

/** The S3 object store; the AWS SDK is imported on first use, so local runs never load it. */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const prefix = options.prefix ?? '';
  let loaded: Promise<{ sdk: S3Module; client: S3ClientType }> | undefined;
  const sdk = (): Promise<{ sdk: S3Module; client: S3ClientType }> => {
    loaded ??= import('@aws-sdk/client-s3').then((mod) => ({
      sdk: mod,
      client: new mod.S3Client({
        region: options.region ?? 'us-east-1',
        // Unset ones (undefined) leave the SDK its defaults.
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
        credentials: options.credentials,
      }),
    }));
    return loaded;
  };
  const Bucket = options.bucket;
  const full = (key: string): string => {
    assertValidKey(key);
    return prefix + key;
  };
  return {
    location: `s3://${Bucket}/${prefix}`,
    async put(key, body) {
      const { sdk: s3, client } = await sdk();
      const Body = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      await client
        .send(
          new s3.PutObjectCommand({
            Bucket,
            Key: full(key),
            Body,
            ContentType: 'application/json',
          }),
        )
        .catch((error: unknown) => {
          throw wrap(error, `put ${key}`);
        });
    },
    async get(key) {
      const { sdk: s3, client } = await sdk();
      try {
        const out = await client.send(new s3.GetObjectCommand({ Bucket, Key: full(key) }));
        return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey')
          throw messages.error('DATA', 'errors.objectMissing', { key }, { cause: error });
        throw wrap(error, `get ${key}`);
      }
    },
    async list(listPrefix) {
      const { sdk: s3, client } = await sdk();
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client
          .send(
            new s3.ListObjectsV2Command({ Bucket, Prefix: prefix + listPrefix, ContinuationToken }),
          )
          .catch((error: unknown) => {
            throw wrap(error, `list ${listPrefix}`);
          });
        for (const item of page.Contents ?? [])
          if (item.Key) keys.push(item.Key.slice(prefix.length));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async delete(key) {
      const { sdk: s3, client } = await sdk();
      await client
        .send(new s3.DeleteObjectCommand({ Bucket, Key: full(key) }))
        .catch((error: unknown) => {
          throw wrap(error, `delete ${key}`);
        });
    },
    async check() {
      const { sdk: s3, client } = await sdk();
      await client.send(new s3.HeadBucketCommand({ Bucket })).catch((error: unknown) => {
        throw wrap(error, `head bucket ${Bucket}`);
      });
    },
  };
}
