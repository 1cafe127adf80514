import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobQueue, JobRunner } from '../../src/jobs/index.js';
import { dialects, manualClock, silentLogger, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('the job queue on %s', (dialect) => {
  let t: TestContext;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    t = await testServices(dialect, { clock: time.clock });
  });
  afterEach(async () => t.close());

  function runner(queue = t.services.jobs) {
    return new JobRunner({ db: t.store.db, postgres: dialect === 'postgres', queue, clock: time.clock, logger: silentLogger, pollMs: 20 });
  }

  it('runs each job exactly once when several runners compete', async () => {
    const queue = new JobQueue(time.clock);
    for (let i = 0; i < 40; i += 1) await queue.enqueue(t.store.db, { name: 'count', payload: { i } });
    const seen: number[] = [];
    const runners = [runner(queue), runner(queue), runner(queue)];
    for (const r of runners) {
      r.register('count', async (payload) => {
        seen.push((payload as { i: number }).i);
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    await Promise.all(runners.map((r) => r.drain()));
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });

  it('retries a failing job with backoff and gives up after its attempts', async () => {
    const r = runner();
    let calls = 0;
    r.register('flaky', async () => {
      calls += 1;
      throw new Error('SMTP said 421');
    });
    await t.services.jobs.enqueue(t.store.db, { name: 'flaky', key: 'flaky-1', maxAttempts: 3 });
    expect(await r.drain()).toBe(1);
    expect(await r.drain()).toBe(0); // waiting out the backoff
    time.advance(10_001);
    await r.drain();
    time.advance(40_001);
    await r.drain();
    time.advance(10 * 60_000);
    expect(await r.drain()).toBe(0);
    expect(calls).toBe(3);
    const job = await t.services.jobs.find(t.store.db, 'flaky-1');
    expect(job).toMatchObject({ state: 'failed', attempts: 3, last_error: 'SMTP said 421' });
  });

  it('runs a keyed job again when it is enqueued while running, never twice at once', async () => {
    const first = runner();
    const second = runner();
    let release!: () => void;
    const runs: string[] = [];
    first.register('refresh', async (payload) => {
      const { v } = payload as { v: number };
      runs.push(`first:${v}`);
      if (v === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    second.register('refresh', async (payload) => {
      runs.push(`second:${(payload as { v: number }).v}`);
    });
    await t.services.jobs.enqueue(t.store.db, { name: 'refresh', key: 'refresh', payload: { v: 1 } });
    const running = first.drain();
    while (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await t.services.jobs.enqueue(t.store.db, { name: 'refresh', key: 'refresh', payload: { v: 2 } });
    expect(await second.drain()).toBe(0); // the first run still holds it
    release();
    expect(await running).toBe(2); // the change made during the run is run, after it
    expect(runs).toEqual(['first:1', 'first:2']);
    expect(await t.services.jobs.find(t.store.db, 'refresh')).toMatchObject({ state: 'done' });
  });

  it('takes over a job whose worker died while holding it', async () => {
    const dead = runner();
    dead.register('work', () => new Promise(() => {})); // never finishes: the process "died"
    await t.services.jobs.enqueue(t.store.db, { name: 'work', key: 'w' });
    void dead.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const alive = runner();
    let ran = false;
    alive.register('work', async () => {
      ran = true;
    });
    expect(await alive.drain()).toBe(0);
    time.advance(61_000); // past the lock
    expect(await alive.drain()).toBe(1);
    expect(ran).toBe(true);
  });

  it('enqueues thousands of jobs at once: one row each, a stored key moved, a key given twice keeping its later payload', async () => {
    const jobs = Array.from({ length: 6_000 }, (_, i) => ({ name: 'count', key: `k${i}`, payload: { i } }));
    await t.services.jobs.enqueue(t.store.db, { name: 'count', key: 'k1', payload: { i: -1 } });
    await t.services.jobs.enqueueMany(t.store.db, [...jobs, { name: 'count', key: 'k2', payload: { i: 2_000_000 } }, { name: 'count', payload: { i: 7_000 } }]);
    const rows = await t.store.db.selectFrom('jobs').select(['key', 'payload', 'state']).where('name', '=', 'count').execute();
    const stored = rows.map((row) => (JSON.parse(row.payload) as { i: number }).i).sort((a, b) => a - b);
    expect(stored).toEqual([...[...Array(6_000).keys()].filter((i) => i !== 2), 7_000, 2_000_000]);
    expect(rows.find((row) => row.key === 'k1')?.payload).toBe('{"i":1}');
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['pending']));
  });
});
