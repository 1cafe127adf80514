import path from 'node:path';
import type { Config } from '../config/schema.js';
import { FilesystemStorage, type MediaStorage } from './storage.js';

/** The store MEDIA_STORAGE names: DATA_DIR/media, or the bucket (the AWS SDK is loaded only then). */
export async function mediaStorageFor(config: Pick<Config, 'dataDir' | 'mediaStorage' | 's3'>, kind = config.mediaStorage): Promise<MediaStorage> {
  if (kind === 'fs') return new FilesystemStorage(path.join(config.dataDir, 'media'));
  if (!config.s3) throw new Error('S3_BUCKET is required for media in a bucket');
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage(config.s3);
}
