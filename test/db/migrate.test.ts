import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import * as featuredIndex from '../../src/db/migrations/0018-index-featured-posts.js';
import { dialects, freshDatabase } from '../support/stores.js';

describe.each(dialects)('bringing the schema up to date on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = openStore(database.config);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const recorded = async () => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db)).rows.map((r) => r.name);

  it('applies every migration to a new database, then finds nothing to do', async () => {
    const first = await migrateToLatest(store.db);
    expect(first.applied).toContain('0001-create-content');
    expect(first.applied).toContain('0018-index-featured-posts');
    expect(await recorded()).toEqual([...first.applied].sort());
    expect(await migrateToLatest(store.db)).toEqual({ applied: [] });
    expect(await recorded()).toEqual([...first.applied].sort());
  });

  it('applies a migration that is known but not recorded, and only that one', async () => {
    await migrateToLatest(store.db);
    await featuredIndex.down(store.db);
    await sql`delete from kysely_migration where name = ${'0018-index-featured-posts'}`.execute(store.db);
    expect(await migrateToLatest(store.db)).toEqual({ applied: ['0018-index-featured-posts'] });
    expect(await recorded()).toContain('0018-index-featured-posts');
  });

  it('refuses a database that records a migration this version does not know', async () => {
    await migrateToLatest(store.db);
    await sql`insert into kysely_migration (name, timestamp) values (${'9999-from-a-newer-version'}, ${new Date().toISOString()})`.execute(store.db);
    await expect(migrateToLatest(store.db)).rejects.toThrow(/9999-from-a-newer-version/);
  });
});
