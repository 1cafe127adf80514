import fs from 'node:fs';
import path from 'node:path';

/** Cookies as a browser keeps them: the latest value of each name. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const csrfOf = (html: string) => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the sign-in page has no CSRF token');
  return token;
};

/** The sign-in link of the newest message in the outbox (quoted-printable undone). */
function linkToken(outbox: string): string {
  const newest = fs
    .readdirSync(outbox)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`no sign-in email in ${outbox}`);
  const text = fs
    .readFileSync(path.join(outbox, newest), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const token = /\/members\/signin\/verify\/\?token=([^&"\s<]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no sign-in link in ${newest}`);
  return decodeURIComponent(token);
}

/**
 * Signs a reader in as a browser would: the sign-in form, the emailed link (read from the outbox
 * Masthead writes without SMTP), the confirming POST. Returns the Cookie header the browser then sends.
 */
export async function signInMember(url: string, dataDir: string, email: string): Promise<string> {
  const jar = new Jar();
  const form = async (at: string, fields: Record<string, string>) => {
    const res = await fetch(`${url}${at}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams(fields).toString(),
    });
    await res.arrayBuffer();
    jar.take(res);
    if (res.status !== 303) throw new Error(`POST ${at} answered ${res.status}`);
  };
  const page = await fetch(`${url}/members/signin/`);
  jar.take(page);
  await form('/members/signin', { email, _csrf: csrfOf(await page.text()) });
  const confirm = await fetch(`${url}/members/signin/verify/?token=${encodeURIComponent(linkToken(path.join(dataDir, 'outbox')))}`, { headers: { cookie: jar.header() } });
  jar.take(confirm);
  const html = await confirm.text();
  await form('/members/signin/verify', { token: /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '', _csrf: csrfOf(html) });
  const account = await fetch(`${url}/members/`, { redirect: 'manual', headers: { cookie: jar.header() } });
  await account.arrayBuffer();
  if (account.status !== 200) throw new Error(`the member is not signed in: /members/ answered ${account.status}`);
  return jar.header();
}
