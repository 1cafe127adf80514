import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('CDN purge configuration', () => {
  it('tells no CDN by default', () => {
    expect(loadConfig({}).cdn).toBeUndefined();
  });

  it('reads each provider with its API address overridable', () => {
    expect(loadConfig({ CDN_PURGE: 'fastly', FASTLY_SERVICE_ID: 'svc', FASTLY_API_TOKEN: 'tok', FASTLY_SOFT_PURGE: 'true' }).cdn).toEqual({
      kind: 'fastly',
      serviceId: 'svc',
      token: 'tok',
      soft: true,
      apiUrl: 'https://api.fastly.com',
    });
    expect(loadConfig({ CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'zone', CLOUDFLARE_API_TOKEN: 'tok', CDN_PURGE_API_URL: 'http://127.0.0.1:9/' }).cdn).toEqual({
      kind: 'cloudflare',
      zoneId: 'zone',
      token: 'tok',
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(loadConfig({ CDN_PURGE: 'webhook', CDN_PURGE_URL: 'https://purger.example/hook', CDN_PURGE_SECRET: 'a-long-enough-secret' }).cdn).toEqual({
      kind: 'webhook',
      url: 'https://purger.example/hook',
      secret: 'a-long-enough-secret',
    });
  });

  it('names each missing setting of the chosen provider', () => {
    expect(problems({ CDN_PURGE: 'fastly' })).toEqual(['FASTLY_SERVICE_ID: is required when CDN_PURGE is fastly', 'FASTLY_API_TOKEN: is required when CDN_PURGE is fastly']);
    expect(problems({ CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'zone' })).toEqual(['CLOUDFLARE_API_TOKEN: is required when CDN_PURGE is cloudflare']);
    expect(problems({ CDN_PURGE: 'webhook', CDN_PURGE_SECRET: 'a-long-enough-secret' })).toEqual(['CDN_PURGE_URL: is required when CDN_PURGE is webhook']);
  });

  it('refuses an unknown provider, a bad address and a short secret without echoing values', () => {
    const secret = 'short';
    const found = problems({ CDN_PURGE: 'akamai', CDN_PURGE_URL: 'ftp://purger.example', CDN_PURGE_SECRET: secret, CDN_PURGE_API_URL: 'not a url' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['CDN_PURGE', 'CDN_PURGE_URL', 'CDN_PURGE_SECRET', 'CDN_PURGE_API_URL']);
    expect(found.join('\n')).not.toContain(secret);
    expect(found[0]).toContain('must be none, fastly, cloudflare or webhook');
    const withCredentials = problems({ CDN_PURGE: 'webhook', CDN_PURGE_URL: `https://purger:${secret}@purger.example/hook`, CDN_PURGE_SECRET: 'a-long-enough-secret' });
    expect(withCredentials).toEqual(['CDN_PURGE_URL: must not contain a user name or password']);
  });
});
