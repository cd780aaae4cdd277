import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3StandIn } from './s3.js';

let s3: S3StandIn;
beforeAll(async () => {
  s3 = await startS3({ bucket: 'stand-in' });
}, 60_000);
afterAll(async () => {
  await s3?.stop();
});

describe('startS3', () => {
  it('serves the real AWS SDK on loopback with its bucket', async () => {
    expect(s3.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new S3Client(s3.clientConfig);
    await client.send(
      new PutObjectCommand({ Bucket: 'stand-in', Key: 'a/b.json', Body: '{"x":1}' }),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: 'stand-in', Key: 'a/b.json' }));
    expect(await got.Body?.transformToString()).toBe('{"x":1}');
    client.destroy();
  });
});
