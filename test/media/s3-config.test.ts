import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('the configuration was accepted');
};

describe('media storage settings', () => {
  it('keeps media on the filesystem unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ mediaStorage: 'fs', s3: undefined });
  });

  it('reads the bucket, its endpoint, keys, path style and the CDN in front of it', () => {
    const config = loadConfig({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'magazine-media',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
      S3_FORCE_PATH_STYLE: 'true',
      MEDIA_PUBLIC_URL: 'https://cdn.magazine.example/',
    });
    expect(config.s3).toEqual({
      bucket: 'magazine-media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI' },
      forcePathStyle: true,
      publicUrl: 'https://cdn.magazine.example',
    });
    // Without keys the SDK's default chain (environment, profile, instance role) finds them.
    expect(loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'm', S3_REGION: 'eu-west-1' }).s3).toMatchObject({ region: 'eu-west-1', credentials: undefined, forcePathStyle: false });
  });

  it('names each missing or wrong variable, never echoing a secret', () => {
    expect(problemsOf({ MEDIA_STORAGE: 's3' })).toEqual(['S3_BUCKET: is required when MEDIA_STORAGE is s3']);
    expect(problemsOf({ MEDIA_STORAGE: 's3', S3_BUCKET: 'm' })).toEqual(['S3_REGION: is required with S3_BUCKET unless S3_ENDPOINT is set']);
    expect(problemsOf({ MEDIA_STORAGE: 's3', S3_BUCKET: 'm', S3_REGION: 'eu-west-1', S3_ACCESS_KEY_ID: 'AKID' })).toEqual([
      'S3_SECRET_ACCESS_KEY: is required with its pair (or set neither to use the default credential chain)',
    ]);
    expect(problemsOf({ MEDIA_PUBLIC_URL: 'https://cdn.example' })).toEqual(['S3_BUCKET: is required with MEDIA_PUBLIC_URL (the CDN stands in front of a bucket)']);
    const message = problemsOf({ MEDIA_STORAGE: 'bucket', S3_ENDPOINT: 'ftp://secret-host', S3_FORCE_PATH_STYLE: 'yes' }).join('\n');
    for (const name of ['MEDIA_STORAGE', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE']) expect(message).toContain(name);
    expect(message).not.toContain('secret-host');
  });
});
