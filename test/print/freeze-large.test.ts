import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
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
    let ready = 0;
    const children = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', freezer, JSON.stringify(t.config), String(issueId)], { stdio: ['pipe', 'pipe', 'pipe'] }));
    const outcomes = children.map(
      (child) =>
        new Promise<{ code: number | null; lines: string[]; stderr: string }>((resolve, reject) => {
          const lines: string[] = [];
          let stderr = '';
          child.stderr!.on('data', (d) => (stderr += d));
          readline.createInterface({ input: child.stdout! }).on('line', (line) => {
            lines.push(line);
            if (line !== 'ready') return;
            ready += 1;
            // Both are loaded and waiting: let them go together.
            if (ready === children.length) for (const c of children) c.stdin!.end('go\n');
          });
          child.once('error', reject);
          child.once('close', (code) => resolve({ code, lines, stderr }));
        }),
    );
    const results = await Promise.all(outcomes);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const reports = results.map((r) => JSON.parse(r.lines.at(-1)!) as unknown);
    expect(reports).toContainEqual(expected.report);
    expect(reports).toContainEqual(null);
    await expectFrozenAsSeeded(t, issueId, expected, before);
  });
});
