import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { S3Config } from '../config/schema.js';
import { AppError } from '../errors/app-error.js';
import type { MediaStorage, StoredFile } from './storage.js';

/** Files as the public site may keep them: a year, never changing under the same key. */
export { IMMUTABLE_CACHE } from './storage.js';
import { IMMUTABLE_CACHE } from './storage.js';

/** Parts of large files sent in parallel; files smaller than one part go in a single request. */
const PART_BYTES = 8 * 1024 * 1024;

/** What a read of a stored file for a visitor found: the file (whole or a range), or why not. */
export type ObjectAnswer = { status: 200 | 206; body: Readable | undefined; headers: Record<string, string> } | { status: 304; headers: Record<string, string> } | { status: 404 } | { status: 416 };

/** Media in an S3-compatible bucket, read and written through the official AWS SDK. */
export class S3Storage implements MediaStorage {
  readonly kind = 's3';
  readonly urlPrefix: string;
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.urlPrefix = config.publicUrl ? `${config.publicUrl}/` : '/media/';
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Checksums only where S3 requires them: S3-compatible servers differ in which others they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer | Readable, contentType: string): Promise<string> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: key, Body: data, ContentType: contentType, CacheControl: IMMUTABLE_CACHE },
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await this.call(() => upload.done());
    return `${this.urlPrefix}${key}`;
  }

  async removePrefix(prefix: string): Promise<void> {
    const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
    let batch: string[] = [];
    const flush = async () => {
      const keys = batch;
      batch = [];
      const answer = await this.call(() => this.client.send(new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } })));
      const failed = answer.Errors?.[0];
      if (failed) throw storageUnavailable(`the bucket refused to delete ${failed.Key}: ${failed.Message ?? failed.Code}`);
    };
    for await (const file of this.listFrom(folder)) {
      batch.push(file.key);
      if (batch.length === 1000) await flush();
    }
    if (batch.length > 0) await flush();
  }

  list(): AsyncIterable<StoredFile> {
    return this.listFrom('');
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw toStorageError(error, this.config.bucket);
    }
  }

  async read(key: string): Promise<Readable> {
    const answer = await this.call(() => this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key })));
    return answer.Body as Readable;
  }

  /**
   * Reads a file for a visitor, letting the bucket answer ranges and revalidations. With `headOnly`
   * the bucket is asked for the headers alone (HEAD requests), and there is no body.
   */
  async open(key: string, conditions: { range?: string; ifNoneMatch?: string; ifModifiedSince?: string; headOnly?: boolean }): Promise<ObjectAnswer> {
    const input = {
      Bucket: this.config.bucket,
      Key: key,
      Range: conditions.range,
      IfNoneMatch: conditions.ifNoneMatch,
      IfModifiedSince: conditions.ifModifiedSince ? parseDate(conditions.ifModifiedSince) : undefined,
    };
    try {
      const answer = conditions.headOnly ? { ...(await this.client.send(new HeadObjectCommand(input))), Body: undefined } : await this.client.send(new GetObjectCommand(input));
      const headers: Record<string, string> = {};
      if (answer.ContentType) headers['content-type'] = answer.ContentType;
      if (answer.ContentLength !== undefined) headers['content-length'] = String(answer.ContentLength);
      if (answer.ContentRange) headers['content-range'] = answer.ContentRange;
      if (answer.ETag) headers.etag = answer.ETag;
      if (answer.LastModified) headers['last-modified'] = answer.LastModified.toUTCString();
      return { status: answer.ContentRange ? 206 : 200, body: answer.Body as Readable | undefined, headers };
    } catch (error) {
      const status = statusOf(error);
      if (status === 304) return { status: 304, headers: conditions.ifNoneMatch ? { etag: conditions.ifNoneMatch } : {} };
      // The bucket refusing the request itself (a key it cannot hold) means there is no such file either.
      if (status === 404 || status === 400) return { status: 404 };
      if (status === 416) return { status: 416 };
      throw toStorageError(error, this.config.bucket);
    }
  }

  private async *listFrom(prefix: string): AsyncGenerator<StoredFile> {
    let token: string | undefined;
    do {
      const page = await this.call(() => this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix || undefined, ContinuationToken: token })));
      for (const item of page.Contents ?? []) if (item.Key) yield { key: item.Key, bytes: item.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toStorageError(error, this.config.bucket);
    }
  }
}

function parseDate(value: string): Date | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function storageUnavailable(reason: string): AppError {
  return new AppError('MEDIA_STORAGE_UNAVAILABLE', `The media bucket cannot be used: ${reason}.`);
}

/** One line saying what went wrong with the bucket, without the SDK's internals. */
export function toStorageError(error: unknown, bucket: string): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string; Code?: string }).Code ?? (error as { name?: string }).name ?? '';
  const code = (error as { code?: string }).code ?? '';
  if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'Forbidden', 'CredentialsProviderError', 'ExpiredToken'].includes(name) || statusOf(error) === 403) {
    return storageUnavailable(`the credentials were refused for bucket "${bucket}" (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)`);
  }
  if (name === 'NoSuchBucket') return storageUnavailable(`there is no bucket "${bucket}" (check S3_BUCKET)`);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'].includes(code) || name === 'TimeoutError') {
    return storageUnavailable(`the storage endpoint cannot be reached (${code || name}; check S3_ENDPOINT and S3_REGION)`);
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return storageUnavailable(`${name || 'error'}: ${message}`);
}
