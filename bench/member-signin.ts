/**
 * Signs a reader in to a running Masthead the way a browser does (sign-in form, emailed link,
 * confirmation form) and prints the member session cookie, for loads of signed-in pages:
 *
 *   node --import tsx bench/member-signin.ts http://127.0.0.1:PORT DATA_DIR reader@example.com
 *
 * Without SMTP_URL the server writes its emails to DATA_DIR/outbox, where the link is read.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The cookies a response sets, as `name=value` pairs, merged into the jar. */
function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

function csrfOf(html: string): string {
  const found = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('the form has no CSRF token');
  return found[1]!;
}

async function post(url: string, jar: Map<string, string>, fields: Record<string, string>): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams(fields).toString(),
  });
  keepCookies(jar, response);
  if (response.status >= 400) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response;
}

/** The newest sign-in link written to the outbox for the address. */
function linkFor(outbox: string, email: string, since: number): string | undefined {
  const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).map((f) => path.join(outbox, f)) : [];
  for (const file of files
    .filter((f) => fs.statSync(f).mtimeMs >= since)
    .sort()
    .reverse()) {
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    if (!text.includes(email)) continue;
    const link = /https?:\/\/[^\s"<>]+\/members\/signin\/verify\/\?token=[^\s"<>]+/.exec(text);
    if (link) return link[0].replace(/&amp;/g, '&');
  }
  return undefined;
}

export async function signIn(base: string, dataDir: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const form = await fetch(`${base}/members/signin/`);
  keepCookies(jar, form);
  const since = Date.now() - 1000;
  await post(`${base}/members/signin`, jar, { _csrf: csrfOf(await form.text()), email });
  let link: string | undefined;
  for (let tries = 0; !link && tries < 50; tries += 1) {
    link = linkFor(path.join(dataDir, 'outbox'), email, since);
    if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!link) throw new Error(`no sign-in email for ${email} in ${dataDir}/outbox`);
  const token = new URL(link).searchParams.get('token')!;
  const confirm = await fetch(`${base}/members/signin/verify/?token=${encodeURIComponent(token)}`, { headers: { cookie: cookieHeader(jar) } });
  keepCookies(jar, confirm);
  await post(`${base}/members/signin/verify`, jar, { _csrf: csrfOf(await confirm.text()), token });
  const session = jar.get('masthead_member');
  if (!session) throw new Error('signing in set no member cookie');
  return `masthead_member=${session}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, dataDir, email] = process.argv.slice(2);
  if (!base || !dataDir || !email) throw new Error('usage: member-signin.ts BASE_URL DATA_DIR EMAIL');
  console.log(await signIn(base, dataDir, email));
}
