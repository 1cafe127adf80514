import { Migrator, sql } from 'kysely';
import type { Db } from './client.js';
import { migrationProvider } from './migrations/index.js';

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema to the newest version. Safe to run on every start and from many processes. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  if (await upToDate(db)) return { applied: [] };
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Whether every known migration, and nothing else, is recorded as run: one read, where the
 * migrator would inspect every table and take its lock. Anything else (a new database, a pending
 * or unknown migration) goes through the migrator, which applies or reports it.
 */
async function upToDate(db: Db): Promise<boolean> {
  let ran: string[];
  try {
    ran = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name);
  } catch {
    return false;
  }
  const known = Object.keys(await migrationProvider.getMigrations());
  const recorded = new Set(ran);
  return recorded.size === known.length && known.every((name) => recorded.has(name));
}
