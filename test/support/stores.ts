import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { silentLoggerFor } from './silent-logger.js';
import { inject } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { openStore, type Store } from '../../src/db/client.js';
import type { DatabaseConfig } from '../../src/config/schema.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { outboxMailer, type Mailer } from '../../src/email/index.js';
import { createServices, type ServiceOptions, type Services } from '../../src/services.js';

export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

export const silentLogger = silentLoggerFor();

/** A fresh, empty database config of the given kind; removed by the returned cleanup. */
export async function freshDatabase(dialect: Dialect): Promise<{ config: DatabaseConfig; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
  if (dialect === 'sqlite') {
    return {
      config: { kind: 'sqlite', file: path.join(dataDir, 'test.db') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    config: { kind: 'postgres', url: adminUrl.replace(/\/postgres$/, `/${name}`) },
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // Closed pools may need a moment to disconnect; forcing would kill their connections mid-goodbye.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await client.query(`drop database if exists ${name}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt > 100) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestContext {
  store: Store;
  services: Services;
  dataDir: string;
  config: DatabaseConfig;
  close(): Promise<void>;
}

/** A migrated store with services over it, on a fresh database. */
export async function testServices(
  dialect: Dialect,
  options: {
    clock?: Clock;
    mailer?: Mailer;
    stripe?: ServiceOptions['stripe'];
    webhooksAllowPrivateAddresses?: boolean;
    mediaStorage?: ServiceOptions['mediaStorage'];
    importMaxBytes?: number;
    cdnPurge?: ServiceOptions['cdnPurge'];
    /** Where the services log (silent unless given). */
    logger?: ServiceOptions['logger'];
  } = {},
): Promise<TestContext> {
  const database = await freshDatabase(dialect);
  const store = openStore(database.config);
  await migrateToLatest(store.db);
  const mailer = options.mailer ?? outboxMailer({ dataDir: database.dataDir, mailFrom: 'test@masthead.example' });
  const services = createServices(store, {
    logger: options.logger ?? silentLogger,
    mailer,
    clock: options.clock,
    pollMs: 50,
    dataDir: database.dataDir,
    stripe: options.stripe,
    webhooksAllowPrivateAddresses: options.webhooksAllowPrivateAddresses,
    mediaStorage: options.mediaStorage,
    importMaxBytes: options.importMaxBytes,
    cdnPurge: options.cdnPurge,
  });
  return {
    store,
    services,
    dataDir: database.dataDir,
    config: database.config,
    close: async () => {
      await services.runner.stop();
      await services.recommendations.settled();
      await services.webhooks.settled();
      await services.cdn.settled();
      await services.followAlerts.settled();
      await store.close();
      await database.drop();
    },
  };
}

/** A clock tests can set and move. */
export function manualClock(start = '2026-11-25T12:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock: Clock = () => new Date(now);
  return {
    clock,
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
