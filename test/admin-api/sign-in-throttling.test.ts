import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openStore } from '../../src/db/client.js';
import { createServices } from '../../src/services.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects, manualClock, silentLogger } from '../support/stores.js';
import { AdminClient, PASSWORD } from './support/admin-client.js';

/** The limits the README promises: wrong passwords per window before sign-in pauses. */
const perEmailAndAddress = 5;
const perAddress = 20;
const perAccountPerHour = 30;
const quarterHour = 15 * 60 * 1000;

let accounts = 0;

describe.each(dialects)('sign-in throttling on %s', (dialect) => {
  let t: AppContext;
  const clock = manualClock();

  beforeAll(async () => {
    t = await testApp(dialect, { clock: clock.clock });
  });
  afterAll(async () => {
    await t.close();
  });

  const owner = async () => {
    accounts += 1;
    return t.services.users.create({ email: `owner-${accounts}@masthead.example`, name: 'Olu Owner', role: 'administrator', password: PASSWORD });
  };
  const statuses = (answers: Array<{ statusCode: number }>) => answers.map((a) => a.statusCode).sort();
  const count = (answers: Array<{ statusCode: number }>, status: number) => answers.filter((a) => a.statusCode === status).length;

  it('counts every one of 30 parallel wrong passwords, even when two processes share them', async () => {
    const { email } = await owner();
    const other = await secondProcess(t, clock.clock);
    try {
      const here = await new AdminClient(t.app).start();
      const there = await new AdminClient(other.app, here.address).start();
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? here : there).signIn(email, `guess number ${i}`)));
      expect(count(answers, 401), JSON.stringify(statuses(answers))).toBe(perEmailAndAddress);
      expect(count(answers, 429)).toBe(30 - perEmailAndAddress);
      // The 31st sign-in from this address in a minute is past the route's limit of 30, which both
      // processes count together.
      const right = await here.signIn(email, PASSWORD);
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await other.close();
    }
  });

  it('stops one address spraying guesses over many emails, counting parallel guesses exactly', async () => {
    const sprayer = await new AdminClient(t.app).start();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => sprayer.signIn(`spray-${i}@masthead.example`, 'Winter2026!')));
    expect(count(answers, 401), JSON.stringify(statuses(answers))).toBe(perAddress);
    expect(count(answers, 429)).toBe(30 - perAddress);
  });

  it('keeps an attacker hammering the owner’s email out without locking the owner out', async () => {
    const { email } = await owner();
    const attacker = await new AdminClient(t.app).start();
    const answers = [];
    for (let i = 0; i < 12; i += 1) answers.push((await attacker.signIn(email, `guess number ${i}`)).statusCode);
    expect(answers).toEqual([...Array(perEmailAndAddress).fill(401), ...Array(12 - perEmailAndAddress).fill(429)]);

    const home = await new AdminClient(t.app).start();
    expect((await home.signIn(email, PASSWORD)).statusCode).toBe(200);
    expect((await home.call('GET', '/admin/api/staff')).statusCode).toBe(200);

    expect((await attacker.signIn(email, 'guess number 13')).statusCode).toBe(429);
    expect((await attacker.signIn(email, PASSWORD)).statusCode).toBe(429);
    clock.advance(quarterHour + 1000);
    expect((await attacker.signIn(email, 'guess number 14')).statusCode).toBe(401);
  });

  it('pauses password sign-in from unknown browsers after guesses from many addresses, but lets a browser the owner used in', async () => {
    const { email } = await owner();
    const laptop = await new AdminClient(t.app).start();
    expect((await laptop.signIn(email, PASSWORD)).statusCode).toBe(200);
    expect((await laptop.call('DELETE', '/admin/api/session')).statusCode).toBe(204);

    const botnet = await Promise.all(Array.from({ length: 40 }, () => new AdminClient(t.app).start()));
    const answers = await Promise.all(botnet.map((bot, i) => bot.signIn(email, `guess number ${i}`)));
    expect(count(answers, 401), JSON.stringify(statuses(answers))).toBe(perAccountPerHour);
    expect(count(answers, 429)).toBe(40 - perAccountPerHour);

    const newPlace = await new AdminClient(t.app).start();
    const refused = await newPlace.signIn(email, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SIGN_IN_THROTTLED');
    const unknown = await newPlace.signIn('nobody-here@masthead.example', 'guess');
    expect(unknown.statusCode).toBe(401);

    // The known browser gets in, even from an address the attacker shares and has used up.
    const onAttackersNetwork = new AdminClient(t.app, botnet[0]!.address);
    const copyCookies = (from: AdminClient, to: AdminClient) => {
      for (const [name, value] of from.cookies) to.cookies.set(name, value);
      to.csrf = from.csrf;
    };
    copyCookies(laptop, onAttackersNetwork);
    for (let i = 0; i < perEmailAndAddress; i += 1) await botnet[0]!.signIn(email, `more guesses ${i}`);
    expect((await botnet[0]!.signIn(email, PASSWORD)).statusCode).toBe(429);
    expect((await onAttackersNetwork.signIn(email, PASSWORD)).statusCode).toBe(200);

    // Each sign-in gives the browser a new token: a copy of the old cookie counts for nothing.
    const copied = await new AdminClient(t.app).start();
    copyCookies(laptop, copied);
    expect((await copied.signIn(email, PASSWORD)).statusCode).toBe(429);
    copyCookies(onAttackersNetwork, laptop);
    expect((await laptop.signIn(email, PASSWORD)).statusCode).toBe(200);

    // A copied browser cookie is no master key: its own wrong guesses are limited too.
    for (let i = 0; i < perEmailAndAddress; i += 1) expect((await laptop.signIn(email, `typo ${i}`)).statusCode).toBe(401);
    expect((await laptop.signIn(email, PASSWORD)).statusCode).toBe(429);

    clock.advance(60 * 60 * 1000 + 1000);
    expect((await newPlace.signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('counts the IPv6 addresses of one /64 as one place, and IPv4 written as IPv6 as itself', async () => {
    const { email } = await owner();
    const answers = [];
    for (let i = 1; i <= perEmailAndAddress + 1; i += 1) {
      const client = await new AdminClient(t.app, `2001:db8:5:7::${i.toString(16)}`).start();
      answers.push((await client.signIn(email, `guess number ${i}`)).statusCode);
    }
    expect(answers).toEqual([...Array(perEmailAndAddress).fill(401), 429]);
    expect((await (await new AdminClient(t.app, '2001:db8:5:8::1').start()).signIn(email, PASSWORD)).statusCode).toBe(200);

    const v4 = await new AdminClient(t.app, '192.0.2.77').start();
    for (let i = 0; i < perEmailAndAddress; i += 1) await v4.signIn(email, `guess number ${i}`);
    const mapped = await new AdminClient(t.app, '::ffff:192.0.2.77').start();
    expect((await mapped.signIn(email, PASSWORD)).statusCode).toBe(429);
  });

  it('remembers a browser in an httpOnly cookie sent only to sign-in, and only for its own account', async () => {
    const { email } = await owner();
    const shared = await new AdminClient(t.app).start();
    accounts += 1;
    const colleague = await t.services.users.create({ email: `contributor-${accounts}@masthead.example`, name: 'Con', role: 'contributor', password: PASSWORD });
    const res = await shared.signIn(colleague.email, PASSWORD);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/masthead_known_browser=[^;]{40,}; Path=\/admin\/api\/session; Expires=[^;]+; HttpOnly; SameSite=Strict/);

    const botnet = await Promise.all(Array.from({ length: perAccountPerHour }, () => new AdminClient(t.app).start()));
    await Promise.all(botnet.map((bot, i) => bot.signIn(email, `guess number ${i}`)));
    const borrowed = await shared.signIn(email, PASSWORD);
    expect(borrowed.statusCode).toBe(429);
    expect((await shared.signIn(colleague.email, PASSWORD)).statusCode).toBe(200);
  });

  it('answers throttled known and unknown emails alike', async () => {
    const { email } = await owner();
    const client = await new AdminClient(t.app).start();
    for (const target of [email, 'not-staff@masthead.example']) {
      for (let i = 0; i < perEmailAndAddress; i += 1) expect((await client.signIn(target, 'wrong password')).statusCode).toBe(401);
    }
    const known = await client.signIn(email, PASSWORD);
    const unknown = await client.signIn('not-staff@masthead.example', 'wrong password');
    expect(known.statusCode).toBe(429);
    expect(unknown.json()).toEqual(known.json());
  });
});

/** Another server process over the same database, as a second copy behind a load balancer would be. */
async function secondProcess(t: AppContext, clock: () => Date): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const store = openStore(t.config);
  const services = createServices(store, { logger: silentLogger, mailer: t.services.mailer, clock, dataDir: t.dataDir });
  const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services, logger: silentLogger });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await services.recommendations.settled();
      await store.close();
    },
  };
}
