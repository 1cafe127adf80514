import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MEMBER_EMAIL_JOB } from '../../src/members/index.js';
import { seedPrintList, type ExpectedFreeze } from '../support/print-list.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

/** Enough that the lines, the reminders and the count-down each take several statements. */
const MEMBERS = 12_000;
const cutoff = '2026-01-01T00:00:00.000Z';
const freezer = path.resolve('test/support/print-freezer.ts');

const issuesLeft = async (t: TestContext) => new Map((await t.store.db.selectFrom('subscriptions').select(['id', 'issues_remaining']).execute()).map((s) => [s.id, s.issues_remaining]));

/** The issue's stored list, reminders and count-down are exactly what the seed says, each once. */
async function expectFrozenAsSeeded(t: TestContext, issueId: number, expected: ExpectedFreeze, before: Map<number, number>): Promise<void> {
  const rows = await t.store.db.selectFrom('fulfilment_items').selectAll().where('issue_id', '=', issueId).execute();
  expect(rows).toHaveLength(expected.lines.size);
  expect(new Map(rows.map(({ member_id, name, line1, line2, city, region, postcode, country, quantity }) => [member_id, { name, line1, line2, city, region, postcode, country, quantity }]))).toEqual(expected.lines);
  const jobs = await t.store.db.selectFrom('jobs').select(['key', 'payload', 'state']).where('name', '=', MEMBER_EMAIL_JOB).execute();
  const payloads = jobs.map((job) => JSON.parse(job.payload) as { to: string; subject: string; text: string });
  expect(jobs).toHaveLength(expected.reminders.size);
  expect(new Map(jobs.map((job, n) => [job.key, payloads[n]!.to]))).toEqual(expected.reminders);
  expect(new Set(jobs.map((job) => job.state))).toEqual(new Set(['pending']));
  expect(new Set(payloads.map((p) => p.subject)).size).toBe(1);
  expect(payloads.every((p) => p.text.includes('Winter') && p.text.includes('/members/print/'))).toBe(true);
  const after = await issuesLeft(t);
  for (const [id, left] of before) expect(after.get(id), `subscription ${id}`).toBe(expected.counted.get(id) ?? left);
}

interface FreezerResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/** Processes that each freeze the issue: they load, then all are let go at once. */
function freezers(t: TestContext, issueId: number, count: number) {
  let ready = 0;
  let go: () => void;
  const started = new Promise<void>((resolve) => (go = resolve));
  const children = Array.from({ length: count }, () => spawn(process.execPath, ['--import', 'tsx', freezer, JSON.stringify(t.config), String(issueId)], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const results = children.map(
    (child) =>
      new Promise<FreezerResult>((resolve, reject) => {
        const lines: string[] = [];
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          if (line !== 'ready') return;
          ready += 1;
          if (ready < children.length) return;
          for (const c of children) c.stdin.end('go\n');
          go();
        });
        child.once('error', reject);
        child.once('close', (code, signal) => resolve({ code, signal, lines, stderr }));
      }),
  );
  return { children, started, results };
}

/** Resolves once another connection is inside a transaction that has written: the freeze is under way. */
async function untilWriting(t: TestContext): Promise<void> {
  const probe = t.config.kind === 'sqlite' ? new SqliteDatabase(t.config.file, { timeout: 0 }) : undefined;
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if (probe) {
        try {
          probe.exec('begin immediate');
          probe.exec('rollback');
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return;
          throw error;
        }
      } else {
        const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`.execute(t.store.db);
        if (Number(rows[0]!.n) > 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error('the freeze never started writing');
  } finally {
    probe?.close();
  }
}

describe.each(dialects)('freezing a large print list on %s', { timeout: 300_000 }, (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('lists and reminds exactly whom the data says, and a second freeze writes nothing more', async () => {
    const t = await testServices(dialect);
    open.push(t);
    const { issueId, expected } = await seedPrintList(t.store.db, { members: MEMBERS, varied: true }, cutoff);
    const before = await issuesLeft(t);
    expect(expected.reminders.size).toBeGreaterThan(2 * 2500);
    expect(await t.services.print.freeze(issueId)).toEqual(expected.report);
    await expectFrozenAsSeeded(t, issueId, expected, before);
    expect(await t.services.print.freeze(issueId)).toBeUndefined();
    await expectFrozenAsSeeded(t, issueId, expected, before);
  });

  it('of two processes freezing the same issue at once, one freezes it and the other finds it frozen', async () => {
    const t = await testServices(dialect);
    open.push(t);
    const { issueId, expected } = await seedPrintList(t.store.db, { members: MEMBERS, varied: true }, cutoff);
    const before = await issuesLeft(t);
    const results = await Promise.all(freezers(t, issueId, 2).results);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const reports = results.map((r) => JSON.parse(r.lines.at(-1)!) as unknown);
    expect(reports).toContainEqual(expected.report);
    expect(reports).toContainEqual(null);
    await expectFrozenAsSeeded(t, issueId, expected, before);
  });

  it('a freeze killed with SIGKILL while it writes leaves all of it or nothing, and the next one lists and reminds everyone once', async () => {
    const t = await testServices(dialect);
    open.push(t);
    const { issueId, expected } = await seedPrintList(t.store.db, { members: MEMBERS, varied: true }, cutoff);
    const before = await issuesLeft(t);
    const { children, started, results } = freezers(t, issueId, 1);
    await started;
    await untilWriting(t);
    // At an arbitrary point of the writing: usually before it commits.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    children[0]!.kill('SIGKILL');
    const killed = await results[0]!;
    if ((await t.services.print.get(issueId)).frozenAt) {
      expect(killed.lines.at(-1)).toBe(JSON.stringify(expected.report));
    } else {
      expect(killed.signal).toBe('SIGKILL');
      expect(await t.store.db.selectFrom('fulfilment_items').select('member_id').where('issue_id', '=', issueId).execute()).toEqual([]);
      expect(await t.store.db.selectFrom('jobs').select('key').where('name', '=', MEMBER_EMAIL_JOB).execute()).toEqual([]);
      expect(await issuesLeft(t)).toEqual(before);
      expect(await t.services.print.freeze(issueId)).toEqual(expected.report);
    }
    await expectFrozenAsSeeded(t, issueId, expected, before);
  });
});
