import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';

describe('configuration', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', publicUrl: 'http://localhost:3000', logLevel: 'info' });
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data/masthead.db') });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('chooses PostgreSQL for a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@localhost/db' });
  });

  it('reports every bad variable together, by name, without echoing values', () => {
    const secret = 'sk_live_very_secret';
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SMTP_URL: `http://${secret}@x`, DATABASE_URL: `mysql://${secret}` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'LOG_LEVEL', 'SMTP_URL', 'DATABASE_URL']) expect(message).toContain(name);
    expect(message).not.toContain(secret);
  });

  it('says what a number setting takes, whether the value is not a number, a fraction or out of range', () => {
    for (const [env, expected] of [
      [{ PORT: 'eighty' }, 'PORT: must be a whole number from 0 to 65535'],
      [{ PORT: '99999' }, 'PORT: must be a whole number from 0 to 65535'],
      [{ PORT: '80.5' }, 'PORT: must be a whole number from 0 to 65535'],
      [{ IMPORT_MAX_MB: 'lots' }, 'IMPORT_MAX_MB: must be a whole number of megabytes from 1 to 100000'],
      [{ IMPORT_MAX_MB: '0' }, 'IMPORT_MAX_MB: must be a whole number of megabytes from 1 to 100000'],
    ] as const) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(expected);
    }
  });

  it('believes forwarded client addresses only from the proxies it is told to trust', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone!' })).toThrow(/TRUST_PROXY/);
  });

  it('trims the trailing slash of PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://halcyon.example/' }).publicUrl).toBe('https://halcyon.example');
  });
});
