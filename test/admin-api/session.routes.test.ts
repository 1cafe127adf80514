import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects, manualClock, silentLogger } from '../support/stores.js';
import { AdminClient, PASSWORD, staffClient } from './support/admin-client.js';
import { linkIn, mailCatcher } from './support/mail-catcher.js';

describe.each(dialects)('staff sign-in and accounts on %s', (dialect) => {
  let t: AppContext;
  let mail: Awaited<ReturnType<typeof mailCatcher>>;
  const clock = manualClock();

  beforeAll(async () => {
    mail = await mailCatcher();
    t = await testApp(dialect, { clock: clock.clock, mailer: mail.mailer });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('lets the first administrator set up the site once, and never again', async () => {
    const visitor = await new AdminClient(t.app).start();
    expect((await visitor.call('GET', '/admin/api/session')).json()).toMatchObject({ signedIn: false, setupNeeded: true });

    const bad = await visitor.call('POST', '/admin/api/setup', { email: 'not-an-email', name: '', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['email', 'name', 'password']);
    expect(await t.services.users.count()).toBe(0);

    const res = await visitor.call('POST', '/admin/api/setup', { email: 'Ada@Example.com', name: 'Ada Obi', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json().staff).toMatchObject({ email: 'ada@example.com', role: 'administrator' });
    expect((await visitor.call('GET', '/admin/api/session')).json()).toMatchObject({ signedIn: true, setupNeeded: false, staff: { name: 'Ada Obi' } });

    const again = await new AdminClient(t.app).start();
    const second = await again.call('POST', '/admin/api/setup', { email: 'eve@example.com', name: 'Eve', password: PASSWORD });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('SETUP_DONE');
  });

  it('signs in with an httpOnly, SameSite cookie and answers wrong passwords and unknown emails alike', async () => {
    const { user } = await staffClient(t.app, t.services, 'editor');
    const client = await new AdminClient(t.app).start();
    const wrong = await client.signIn(user.email, 'not the password');
    const unknown = await client.signIn('nobody@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('SIGN_IN_FAILED');

    const ok = await client.signIn(user.email.toUpperCase(), PASSWORD);
    expect(ok.statusCode).toBe(200);
    const header = String(ok.headers['set-cookie']);
    expect(header).toMatch(/masthead_staff=[^;]{40,}/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).not.toContain('Secure');
    expect((await client.call('GET', '/admin/api/staff')).statusCode).toBe(200);
  });

  it('refuses state-changing requests without the CSRF header', async () => {
    const { user, client } = await staffClient(t.app, t.services, 'administrator');
    const token = client.csrf;
    client.csrf = '';
    const res = await client.call('POST', '/admin/api/staff/invitations', { email: 'x@example.com', role: 'author' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect((await client.signIn(user.email, PASSWORD)).json().error.code).toBe('CSRF_INVALID');
    client.csrf = 'forged-token';
    expect((await client.call('DELETE', '/admin/api/session')).json().error.code).toBe('CSRF_INVALID');
    client.csrf = token;
    expect((await client.call('DELETE', '/admin/api/session')).statusCode).toBe(204);
  });

  it('pauses sign-in for an email from one address after five failures, known or unknown, then lets it in again', async () => {
    const { user } = await staffClient(t.app, t.services, 'author');
    const client = await new AdminClient(t.app).start();
    for (const email of [user.email, 'ghost@example.com']) {
      for (let i = 0; i < 5; i += 1) expect((await client.signIn(email, 'wrong password')).statusCode).toBe(401);
    }
    const blocked = await client.signIn(user.email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('SIGN_IN_THROTTLED');
    expect((await client.signIn('ghost@example.com', 'wrong password')).json()).toEqual(blocked.json());
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await client.signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('signs out one browser, or every device at once', async () => {
    const { user, client: laptop } = await staffClient(t.app, t.services, 'contributor');
    const phone = await new AdminClient(t.app).start();
    await phone.signIn(user.email, PASSWORD);
    const tablet = await new AdminClient(t.app).start();
    await tablet.signIn(user.email, PASSWORD);

    expect((await tablet.call('DELETE', '/admin/api/session')).statusCode).toBe(204);
    const gone = await tablet.call('GET', '/admin/api/staff');
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error.code).toBe('NOT_SIGNED_IN');

    const everywhere = await laptop.call('POST', '/admin/api/session/sign-out-everywhere');
    expect(everywhere.json()).toEqual({ ended: 2 });
    const expired = await phone.call('GET', '/admin/api/staff');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('cuts a suspended member off at once and lets them back in when restored', async () => {
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    const { user, client: editor } = await staffClient(t.app, t.services, 'editor');
    expect((await editor.call('GET', '/admin/api/staff')).statusCode).toBe(200);

    const suspended = await admin.call('POST', `/admin/api/staff/${user.id}/suspend`);
    expect(suspended.json().staff.status).toBe('suspended');
    expect((await editor.call('GET', '/admin/api/staff')).json().error.code).toBe('SESSION_EXPIRED');
    expect((await editor.signIn(user.email, PASSWORD)).json().error.code).toBe('SIGN_IN_FAILED');

    await admin.call('POST', `/admin/api/staff/${user.id}/restore`);
    expect((await editor.signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('keeps at least one active administrator', async () => {
    const { user, client } = await staffClient(t.app, t.services, 'administrator');
    expect((await client.call('POST', `/admin/api/staff/${user.id}/suspend`)).json().error.code).toBe('FORBIDDEN');
    for (const other of await t.services.users.list()) {
      if (other.id !== user.id && other.role === 'administrator') await t.services.users.changeRole(other.id, { role: 'editor' });
    }
    const demote = await client.call('PATCH', `/admin/api/staff/${user.id}`, { role: 'editor' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMINISTRATOR');
  });

  it('invites by email with a single-use, expiring link that sets name and password', async () => {
    const { client: editor } = await staffClient(t.app, t.services, 'editor');
    const tooHigh = await editor.call('POST', '/admin/api/staff/invitations', { email: 'boss@example.com', role: 'administrator' });
    expect(tooHigh.statusCode).toBe(403);
    const badRole = await editor.call('POST', '/admin/api/staff/invitations', { email: 'x@example.com', role: 'owner' });
    expect(badRole.json().error.fields[0].field).toBe('role');

    const invited = await editor.call('POST', '/admin/api/staff/invitations', { email: 'Rosa@Example.com', role: 'author' });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().staff).toMatchObject({ status: 'invited', role: 'author' });
    const email = await mail.next('rosa@example.com');
    expect(email.subject).toContain('invited you');
    const link = linkIn(email, '/admin/accept-invite');
    expect(link.origin).toBe('http://localhost:3000');
    const token = link.searchParams.get('token')!;

    const guest = await new AdminClient(t.app).start();
    expect((await guest.signIn('rosa@example.com', PASSWORD)).statusCode).toBe(401);
    const weak = await guest.call('POST', '/admin/api/invitations/accept', { token, name: 'Rosa Park', password: 'short' });
    expect(weak.json().error.fields).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);
    const accepted = await guest.call('POST', '/admin/api/invitations/accept', { token, name: 'Rosa Park', password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().staff).toMatchObject({ name: 'Rosa Park', status: 'active', role: 'author' });
    expect((await guest.call('GET', '/admin/api/session')).json().signedIn).toBe(true);

    const reuse = await new AdminClient(t.app).start();
    const again = await reuse.call('POST', '/admin/api/invitations/accept', { token, name: 'Mallory', password: PASSWORD });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('LINK_INVALID');

    await editor.call('POST', '/admin/api/staff/invitations', { email: 'late@example.com', role: 'contributor' });
    const late = linkIn(await mail.next('late@example.com'), '/admin/accept-invite').searchParams.get('token')!;
    clock.advance(8 * 24 * 60 * 60 * 1000);
    const expired = await reuse.call('POST', '/admin/api/invitations/accept', { token: late, name: 'Late', password: PASSWORD });
    expect(expired.json().error.code).toBe('LINK_INVALID');
  });

  it('resets a password by an emailed link and ends the old sessions', async () => {
    const { user, client: old } = await staffClient(t.app, t.services, 'author');
    const guest = await new AdminClient(t.app).start();
    const unknown = await guest.call('POST', '/admin/api/password-reset', { email: 'stranger@example.com' });
    expect(unknown.statusCode).toBe(202);
    const known = await guest.call('POST', '/admin/api/password-reset', { email: user.email });
    expect(known.statusCode).toBe(202);
    await t.services.runner.drain();
    const token = linkIn(await mail.next(user.email), '/admin/reset-password').searchParams.get('token')!;
    expect(mail.messages.some((m) => m.text?.includes('stranger'))).toBe(false);

    const done = await guest.call('POST', '/admin/api/password-reset/complete', { token, password: 'a brand new passphrase' });
    expect(done.statusCode).toBe(204);
    expect((await old.call('GET', '/admin/api/session')).json().signedIn).toBe(false);
    expect((await guest.signIn(user.email, PASSWORD)).statusCode).toBe(401);
    expect((await guest.signIn(user.email, 'a brand new passphrase')).statusCode).toBe(200);
    const reuse = await guest.call('POST', '/admin/api/password-reset/complete', { token, password: 'another passphrase' });
    expect(reuse.json().error.code).toBe('LINK_INVALID');
  });

  it('lets integrations use Admin API keys until they are revoked', async () => {
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    const created = await admin.call('POST', '/admin/api/api-keys', { name: 'Zapier', role: 'editor' });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret).toMatch(/^[0-9a-f]{24}:[0-9a-f]{64}$/);
    expect(JSON.stringify((await admin.call('GET', '/admin/api/api-keys')).json())).not.toContain(secret);

    const asKey = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });
    expect((await asKey('/admin/api/staff')).statusCode).toBe(200);
    const invite = await asKey('/admin/api/staff/invitations', 'POST', { email: 'bot-invite@example.com', role: 'contributor' });
    expect(invite.statusCode).toBe(201);
    expect((await asKey('/admin/api/api-keys')).statusCode).toBe(403);

    expect((await admin.call('DELETE', `/admin/api/api-keys/${apiKey.id}`)).json().apiKey.revokedAt).not.toBeNull();
    const revoked = await asKey('/admin/api/staff');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('API_KEY_INVALID');
    expect((await t.app.inject({ url: '/admin/api/staff', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(401);
  });

  it('limits how often one address may try to sign in', async () => {
    const client = await new AdminClient(t.app).start();
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push((await client.call('POST', '/admin/api/password-reset/complete', { token: 'x', password: PASSWORD })).statusCode);
    expect(answers.slice(0, 30).every((s) => s === 400)).toBe(true);
    const limited = await client.call('POST', '/admin/api/password-reset/complete', { token: 'x', password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('answers bad input on account and key endpoints field by field', async () => {
    const { client } = await staffClient(t.app, t.services, 'administrator');
    const fieldsOf = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
      const res = await client.call(method, url, body);
      expect(res.statusCode, res.body).toBe(400);
      return res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort();
    };
    expect(await fieldsOf('PATCH', '/admin/api/staff/1', { role: 'owner' })).toEqual(['role']);
    expect(await fieldsOf('PATCH', '/admin/api/staff/abc', { role: 'author' })).toEqual(['id']);
    expect(await fieldsOf('POST', '/admin/api/api-keys', { name: '', role: 'god' })).toEqual(['name', 'role']);
    expect(await fieldsOf('POST', '/admin/api/password-reset', { email: 'nope' })).toEqual(['email']);
    expect(await fieldsOf('POST', '/admin/api/staff/invitations', { email: 'a@b.co', role: 'author', extra: 1 })).toEqual(['(input)']);
    const malformed = await client.call('POST', '/admin/api/api-keys', '{"name": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect((await client.call('PATCH', '/admin/api/staff/999999', { role: 'author' })).json().error.code).toBe('USER_NOT_FOUND');
    expect((await client.call('DELETE', '/admin/api/api-keys/999999')).json().error.code).toBe('API_KEY_NOT_FOUND');
    const guest = await new AdminClient(t.app).start();
    expect(
      (await guest.call('POST', '/admin/api/session', {}))
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['email', 'password']);
    const emptyJson = await client.call('POST', '/admin/api/session/sign-out-everywhere', undefined, { 'content-type': 'application/json' });
    expect(emptyJson.statusCode).toBe(200);
  });

  it('answers 401 with a clear code when nobody is signed in', async () => {
    const res = await t.app.inject('/admin/api/staff');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'NOT_SIGNED_IN', message: 'Sign in to continue.' });
  });
});

describe('staff cookies behind HTTPS', () => {
  it('are marked Secure when the public address is https', async () => {
    const t = await testApp();
    const app = await buildApp({
      config: { publicUrl: 'https://magazine.example', themeDir: undefined, dataDir: t.dataDir },
      services: t.services,
      logger: silentLogger,
    });
    await t.services.users.create({ email: 'sec@example.com', name: 'Sec', role: 'editor', password: PASSWORD });
    const client = await new AdminClient(app).start();
    const res = await client.signIn('sec@example.com', PASSWORD);
    expect(String(res.headers['set-cookie'])).toMatch(/masthead_staff=.*Secure/);
    await app.close();
    await t.close();
  });
});
