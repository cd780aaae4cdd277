/**
 * A local S3 stand-in (s3rver) on 127.0.0.1 for tests that drive the real AWS SDK v3:
 *
 * ```ts
 * import { startS3 } from '@toolbelt/testkit/s3';
 * const s3 = await startS3({ bucket: 'etl' });
 * const client = new S3Client({ ...s3.clientConfig });
 * await s3.stop();
 * ```
 *
 * Objects live in a temp folder removed by `stop()`. Path-style addressing is required
 * (`forcePathStyle: true`), as it is for most S3-compatible servers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running S3 stand-in. */
export interface S3StandIn {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  /** The stand-in's fixed credentials (s3rver checks signatures against them). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Ready-made `S3Client` configuration. */
  readonly clientConfig: {
    endpoint: string;
    region: string;
    forcePathStyle: true;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Environment variables the connector SDK reads for its S3 store. */
  readonly env: Record<string, string>;
  /** Close the server and delete its folder. */
  stop(): Promise<void>;
}

/** Options of {@link startS3}. */
export interface StartS3Options {
  /** Bucket created at start (default `toolbelt-test`). */
  bucket?: string;
  /** Region reported to clients (default `us-east-1`). */
  region?: string;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/** Starts s3rver on a free loopback port with one empty bucket. */
export async function startS3(options: StartS3Options = {}): Promise<S3StandIn> {
  const bucket = options.bucket ?? 'toolbelt-test';
  const region = options.region ?? 'us-east-1';
  const directory = await mkdtemp(join(tmpdir(), 'toolbelt-s3-'));
  // A variable specifier: s3rver ships no types, and it is loaded only by tests that need it.
  const specifier = 's3rver';
  const { default: S3rver } = (await import(specifier)) as { default: S3rverConstructor };
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const accessKeyId = 'S3RVER';
  const secretAccessKey = 'S3RVER';
  let stopped = false;
  return {
    endpoint,
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    clientConfig: {
      endpoint,
      region,
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
    },
    env: {
      S3_BUCKET: bucket,
      S3_REGION: region,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
