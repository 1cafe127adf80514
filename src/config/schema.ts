import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const databaseUrl = optionalText.refine((value) => value === undefined || /^(postgres|postgresql|sqlite|file):/.test(value), 'must start with postgres://, postgresql://, sqlite: or file:');

/** A whole number in a range; every wrong value (not a number, a fraction, out of range) gets the one `message`. */
const wholeNumber = (min: number, max: number, message: string) => z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

/** Every setting read from the environment, once, at start. */
export const environmentSchema = z
  .object({
    PORT: wholeNumber(0, 65535, 'must be a whole number from 0 to 65535').default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: databaseUrl,
    THEME_DIR: optionalText,
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    MAIL_FROM: optionalText,
    DKIM_DOMAIN: optionalText,
    DKIM_SELECTOR: optionalText,
    DKIM_PRIVATE_KEY: optionalText,
    STRIPE_SECRET_KEY: optionalText,
    STRIPE_WEBHOOK_SECRET: optionalText,
    // Behind a reverse proxy or CDN: the proxies' addresses or CIDR ranges, comma separated
    // ("loopback", "uniquelocal" also work). Only their X-Forwarded-For is believed; by default
    // none is, so a client cannot forge the address that rate limits count.
    TRUST_PROXY: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F:.\/,\sa-z]+$/, 'must be proxy addresses or CIDR ranges, comma separated')
        .optional(),
    ),
    // Outgoing webhooks refuse hosts that resolve to loopback, private or link-local addresses, so
    // an administrator cannot point the server at its own network. "true" lifts that (tests, a
    // receiver on the same private network).
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    // The largest export file the admin's Import page takes, in megabytes (streamed to DATA_DIR/imports).
    IMPORT_MAX_MB: wholeNumber(1, 100_000, 'must be a whole number of megabytes from 1 to 100000').default(512),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Where uploaded media live: DATA_DIR/media (fs) or an S3-compatible bucket (s3). The S3
    // settings are read whenever S3_BUCKET is set, so "masthead media migrate" can reach the bucket
    // before the site switches to it.
    MEDIA_STORAGE: z.enum(['fs', 's3'], { message: 'must be fs or s3' }).default('fs'),
    S3_BUCKET: optionalText,
    S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    S3_REGION: optionalText,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    // A CDN (or the bucket's own public address) in front of the bucket: media URLs point there.
    MEDIA_PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    // Behind a CDN: which one to tell when content changes (cacheable answers always carry
    // Surrogate-Key and Cache-Tag headers). CDN_PURGE_API_URL replaces the provider's API address.
    CDN_PURGE: z.enum(['none', 'fastly', 'cloudflare', 'webhook'], { message: 'must be none, fastly, cloudflare or webhook' }).default('none'),
    FASTLY_SERVICE_ID: optionalText,
    FASTLY_API_TOKEN: optionalText,
    FASTLY_SOFT_PURGE: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    CLOUDFLARE_ZONE_ID: optionalText,
    CLOUDFLARE_API_TOKEN: optionalText,
    // Credentials in the address would end up in error messages: the secret signs instead.
    CDN_PURGE_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/ })
        .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'must not contain a user name or password')
        .optional(),
    ),
    CDN_PURGE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    CDN_PURGE_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  })
  .superRefine((env, context) => {
    const missing = (name: keyof typeof env, why: string) => context.addIssue({ code: 'custom', path: [name], message: `is required ${why}` });
    if (env.MEDIA_STORAGE === 's3' && !env.S3_BUCKET) missing('S3_BUCKET', 'when MEDIA_STORAGE is s3');
    if (env.S3_BUCKET && !env.S3_ENDPOINT && !env.S3_REGION) missing('S3_REGION', 'with S3_BUCKET unless S3_ENDPOINT is set');
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      missing(env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'with its pair (or set neither to use the default credential chain)');
    }
    if (env.MEDIA_PUBLIC_URL && !env.S3_BUCKET) missing('S3_BUCKET', 'with MEDIA_PUBLIC_URL (the CDN stands in front of a bucket)');
    const needed = { none: [], fastly: ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN'], cloudflare: ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_API_TOKEN'], webhook: ['CDN_PURGE_URL', 'CDN_PURGE_SECRET'] } as const;
    for (const name of needed[env.CDN_PURGE]) if (!env[name]) missing(name, `when CDN_PURGE is ${env.CDN_PURGE}`);
  });

/** Names whose values must never be printed or logged. */
export const secretSettings = [
  'DATABASE_URL',
  'SMTP_URL',
  'DKIM_PRIVATE_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'S3_SECRET_ACCESS_KEY',
  'FASTLY_API_TOKEN',
  'CLOUDFLARE_API_TOKEN',
  'CDN_PURGE_SECRET',
] as const;

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  themeDir: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  stripe: { secretKey: string; webhookSecret: string | undefined } | undefined;
  trustProxy: string[];
  webhooksAllowPrivateAddresses: boolean;
  importMaxBytes: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  mediaStorage: 'fs' | 's3';
  /** The bucket, when S3_BUCKET is set (required for MEDIA_STORAGE=s3). */
  s3: S3Config | undefined;
  /** Where purges go when content changes (CDN_PURGE); undefined when no CDN is told. */
  cdn: CdnConfig | undefined;
}

export type CdnConfig =
  | { kind: 'fastly'; serviceId: string; token: string; soft: boolean; apiUrl: string }
  | { kind: 'cloudflare'; zoneId: string; token: string; apiUrl: string }
  | { kind: 'webhook'; url: string; secret: string };

export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  /** Defaults to us-east-1 with a custom endpoint (MinIO, s3rver and most others ignore it). */
  region: string;
  /** Without keys the SDK's default chain is used (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  /** MEDIA_PUBLIC_URL without a trailing slash: stored media URLs point there. */
  publicUrl: string | undefined;
}

export function toConfig(env: z.infer<typeof environmentSchema>): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: toDatabaseConfig(env.DATABASE_URL, dataDir),
    themeDir: env.THEME_DIR ? path.resolve(env.THEME_DIR) : undefined,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    dkim: env.DKIM_DOMAIN && env.DKIM_SELECTOR && env.DKIM_PRIVATE_KEY ? { domain: env.DKIM_DOMAIN, selector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY } : undefined,
    stripe: env.STRIPE_SECRET_KEY ? { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET } : undefined,
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    webhooksAllowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'true',
    importMaxBytes: env.IMPORT_MAX_MB * 1024 * 1024,
    logLevel: env.LOG_LEVEL,
    mediaStorage: env.MEDIA_STORAGE,
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION ?? 'us-east-1',
          credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
          forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
          publicUrl: env.MEDIA_PUBLIC_URL?.replace(/\/+$/, ''),
        }
      : undefined,
    cdn: toCdnConfig(env),
  };
}

/** Called after validation, which made sure each kind has its settings. */
function toCdnConfig(env: z.infer<typeof environmentSchema>): CdnConfig | undefined {
  const api = (fallback: string) => (env.CDN_PURGE_API_URL ?? fallback).replace(/\/+$/, '');
  switch (env.CDN_PURGE) {
    case 'none':
      return undefined;
    case 'fastly':
      return { kind: 'fastly', serviceId: env.FASTLY_SERVICE_ID!, token: env.FASTLY_API_TOKEN!, soft: env.FASTLY_SOFT_PURGE === 'true', apiUrl: api('https://api.fastly.com') };
    case 'cloudflare':
      return { kind: 'cloudflare', zoneId: env.CLOUDFLARE_ZONE_ID!, token: env.CLOUDFLARE_API_TOKEN!, apiUrl: api('https://api.cloudflare.com') };
    case 'webhook':
      return { kind: 'webhook', url: env.CDN_PURGE_URL!, secret: env.CDN_PURGE_SECRET! };
  }
}

function toDatabaseConfig(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'masthead.db') };
  if (url.startsWith('postgres')) return { kind: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}
