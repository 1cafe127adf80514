import type { CdnConfig } from '../config/schema.js';
import { signature } from '../webhooks/outgoing/index.js';

/** Tells a CDN to drop what it keeps under some keys, or everything of the site. */
export interface PurgeAdapter {
  purge(keys: string[]): Promise<void>;
  purgeAll(): Promise<void>;
}

/** Fastly purges up to 256 surrogate keys per call. */
const FASTLY_KEYS_PER_CALL = 256;
/** Cloudflare purges 30 cache tags per call on every plan (some plans take more). */
const CLOUDFLARE_TAGS_PER_CALL = 30;
const TIMEOUT_MS = 15_000;

function batches(keys: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < keys.length; start += size) out.push(keys.slice(start, start + size));
  return out;
}

/** Sends one call; a refusal throws with the provider's name and status only, never credentials. */
async function call(provider: string, url: string, init: RequestInit, accepted: (response: Response) => Promise<boolean>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: 'POST', redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`${provider} purge failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || !(await accepted(response))) {
    await response.body?.cancel();
    throw new Error(`${provider} purge refused: HTTP ${response.status}`);
  }
}

const anyAnswer = async () => true;

function fastly(config: Extract<CdnConfig, { kind: 'fastly' }>): PurgeAdapter {
  const service = `${config.apiUrl}/service/${encodeURIComponent(config.serviceId)}`;
  const headers: Record<string, string> = { 'fastly-key': config.token, accept: 'application/json' };
  // A soft purge marks objects stale, so the CDN may still serve them while it fetches new ones.
  const keyHeaders: Record<string, string> = config.soft ? { ...headers, 'fastly-soft-purge': '1' } : headers;
  return {
    async purge(keys) {
      for (const batch of batches(keys, FASTLY_KEYS_PER_CALL)) {
        await call('Fastly', `${service}/purge`, { headers: { ...keyHeaders, 'surrogate-key': batch.join(' ') } }, anyAnswer);
      }
    },
    purgeAll: () => call('Fastly', `${service}/purge_all`, { headers }, anyAnswer),
  };
}

function cloudflare(config: Extract<CdnConfig, { kind: 'cloudflare' }>): PurgeAdapter {
  const url = `${config.apiUrl}/client/v4/zones/${encodeURIComponent(config.zoneId)}/purge_cache`;
  const send = (body: object) =>
    call(
      'Cloudflare',
      url,
      { headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) },
      // Cloudflare reports refusals in the body as well as in the status.
      async (response) => ((await response.json().catch(() => null)) as { success?: unknown } | null)?.success === true,
    );
  return {
    async purge(keys) {
      for (const batch of batches(keys, CLOUDFLARE_TAGS_PER_CALL)) await send({ tags: batch });
    },
    purgeAll: () => send({ purge_everything: true }),
  };
}

/** A receiver of the operator's own: a JSON body signed like outgoing webhooks (X-Masthead-Signature). */
function webhook(config: Extract<CdnConfig, { kind: 'webhook' }>): PurgeAdapter {
  const send = (body: object) => {
    const text = JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'x-masthead-signature': signature(config.secret, text, Math.floor(Date.now() / 1000)) };
    return call('Webhook', config.url, { headers, body: text }, anyAnswer);
  };
  return {
    purge: (keys) => send({ keys }),
    purgeAll: () => send({ everything: true }),
  };
}

export function purgeAdapter(config: CdnConfig): PurgeAdapter {
  switch (config.kind) {
    case 'fastly':
      return fastly(config);
    case 'cloudflare':
      return cloudflare(config);
    case 'webhook':
      return webhook(config);
  }
}
