import type { FastifyInstance, InjectOptions } from 'fastify';
import type { StaffRole } from '../../../src/staff/index.js';
import type { Services } from '../../../src/services.js';

let clients = 0;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser stand-in for the admin API: keeps cookies and sends the CSRF header like the admin app does. */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  /** Each client comes from its own address, as separate people would, unless it is given one. */
  readonly address: string;

  constructor(
    private readonly app: FastifyInstance,
    address?: string,
  ) {
    this.address = address ?? `10.0.${Math.floor(++clients / 250)}.${(clients % 250) + 1}`;
  }

  /** Loads the session endpoint to get the CSRF cookie and token. */
  async start(): Promise<this> {
    const res = await this.call('GET', '/admin/api/session');
    this.csrf = res.json().csrfToken;
    return this;
  }

  async call(method: Method, url: string, body?: unknown, extra: InjectOptions['headers'] = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, remoteAddress: this.address, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body as object }) });
    for (const cookie of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const gone = cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (gone) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return res;
  }

  async signIn(email: string, password: string) {
    return this.call('POST', '/admin/api/session', { email, password });
  }
}

let counter = 0;
export const PASSWORD = 'correct horse battery';

/** A staff account with the role, and a client signed in as it. */
export async function staffClient(app: FastifyInstance, services: Services, role: StaffRole, overrides: { email?: string; name?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `${role}-${counter}@masthead.example`;
  const user = await services.users.create({ email, name: overrides.name ?? `${role} ${counter}`, role, password: PASSWORD });
  const client = await new AdminClient(app).start();
  const res = await client.signIn(email, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { user, client };
}
