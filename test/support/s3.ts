import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
// s3rver ships no types; it is started and stopped here only.
// @ts-expect-error no declaration file
import S3rver from 's3rver';
import type { S3Config } from '../../src/config/schema.js';

export interface TestBucket {
  /** Settings that point Masthead at this bucket (no CDN unless given). */
  config(publicUrl?: string): S3Config;
  /** The same settings as environment variables, for the CLI. */
  env(publicUrl?: string): Record<string, string>;
  endpoint: string;
  bucket: string;
  /** Every key in the bucket with its size. */
  objects(): Promise<Map<string, number>>;
  bytes(key: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A real S3-compatible server (s3rver) on loopback, on a free port, over a temporary folder, with one empty bucket. */
export async function startS3(bucket = 'masthead-media'): Promise<TestBucket> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const config = (publicUrl?: string): S3Config => ({ bucket, endpoint, region: 'us-east-1', credentials, forcePathStyle: true, publicUrl });
  return {
    config,
    env: (publicUrl) => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      ...(publicUrl ? { MEDIA_PUBLIC_URL: publicUrl } : {}),
    }),
    endpoint,
    bucket,
    async objects() {
      const found = new Map<string, number>();
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const item of page.Contents ?? []) found.set(item.Key!, item.Size ?? 0);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found;
    },
    async bytes(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await answer.Body!.transformToByteArray());
    },
    async close() {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
