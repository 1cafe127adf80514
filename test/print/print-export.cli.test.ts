import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { testServices, type TestContext } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, makePlans, subscribe, usAddress } from '../members/helpers.js';

describe('masthead print export', () => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testServices('sqlite', { stripe: stripe.settings });
    await makePlans(t.services);
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'uk@example.com', address: gbAddress });
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'us@example.com', address: usAddress });
    await t.services.print.create({ name: 'Winter 2026', onSaleDate: '2026-01-10', addressCutoff: '2026-01-01T00:00:00Z' });
    await t.services.print.create({ name: 'Winter 2099', onSaleDate: '2099-01-10', addressCutoff: '2099-01-01T00:00:00Z' });
    if (t.config.kind !== 'sqlite') throw new Error('sqlite expected');
    env = { DATA_DIR: t.dataDir, DATABASE_URL: `sqlite:${t.config.file}` };
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('writes the frozen list of an issue whose cutoff has passed, with counts by country', async () => {
    const file = path.join(t.dataDir, 'winter.csv');
    const result = await runCli(['print', 'export', 'winter-2026', file], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote 2 addresses for Winter 2026 to ${file} (GB 1, US 1)\n`);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('name,address_line_1,address_line_2,city,region,postcode,country_code,quantity,subscriber_id,issue');
    expect(csv).toContain('Ada Obi,1 High Street,,London,,SW1A 1AA,GB,1,');
  });

  it('says clearly when the list is not frozen yet or the issue does not exist, and writes no file', async () => {
    const file = path.join(t.dataDir, 'future.csv');
    const early = await runCli(['print', 'export', 'winter-2099', file], env);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe('error: The fulfilment list of Winter 2099 is not frozen yet: its address cutoff is 2099-01-01T00:00:00.000Z.\n');
    expect(fs.existsSync(file)).toBe(false);
    const missing = await runCli(['print', 'export', 'no-such-issue', file], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: No print issue has that id or slug.\n');
  });
});
