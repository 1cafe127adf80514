import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import type { Dialect } from '../support/stores.js';
import { actors, type Actor } from './support/actors.js';
import { fuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { expectStillServing, fuzz, judge, printable, watchForTrouble, type AnswerRules } from './support/harness.js';
import { forgedCredentials, operationsOf, shotsFor, type Operation } from './support/operations.js';
import { makeImages } from './support/uploads.js';

const rules: AnswerRules = { redirectOrigins: [] };
const trouble = watchForTrouble();

/** The operations come from the live document, so a new endpoint is fuzzed the day it is added. */
async function documentedOperations(): Promise<Operation[]> {
  const probe = await testApp();
  try {
    return operationsOf((await probe.app.inject('/admin/api/openapi.json')).json());
  } finally {
    await probe.close();
  }
}
const operations = await documentedOperations();

/**
 * Generated requests for every operation of the admin API, from a stranger, each staff role and
 * an API key: schema-shaped input, input just past the limits, and hostile input. Whatever comes
 * in, nobody gets a 5xx, every answer is JSON in the error envelope (or the documented page or
 * file), and nothing is thrown or logged as an error behind the scenes.
 */
function fuzzAdminApi(dialect: Dialect, runsPerOperation: number) {
  describe(`fuzzing the admin API on ${dialect}`, () => {
    let t: FuzzApp;
    let senders: Actor[];

    beforeAll(async () => {
      await makeImages();
      t = await fuzzApp(dialect, trouble);
      senders = await actors(t.app, t.services);
    });
    afterAll(async () => t.close());

    it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))('%s answers everyone soundly', async (_name, operation) => {
      await fuzz(shotsFor(operation, t.known).map(printable), runsPerOperation, async (shot) => {
        let changed = false;
        for (const actor of senders) {
          const res = await judge(t.app, shot, { name: actor.name, headers: actor.headers() }, operation.expect, rules, trouble);
          changed ||= shot.method !== 'GET' && res.statusCode < 300;
        }
        // The fuzzing may have signed someone out, demoted or suspended them, or revoked the key.
        if (changed) for (const actor of senders) await actor.revive();
      });
    });

    it('answers soundly when the same requests race each other', async () => {
      // One request sent at once by several people (or twice by one): unique slugs, revisions and sends race.
      const racing = fc
        .constantFrom(...operations)
        .chain((operation) => fc.tuple(fc.constant(operation.expect), shotsFor(operation, t.known).map(printable), fc.array(fc.nat({ max: senders.length - 1 }), { minLength: 2, maxLength: 6 })));
      await fuzz(racing, runsPerOperation * 10, async ([wanted, shot, who]) => {
        await Promise.all(who.map((i) => judge(t.app, shot, { name: senders[i]!.name, headers: senders[i]!.headers() }, wanted, rules, trouble)));
        for (const actor of senders) await actor.revive();
      });
    });

    it('refuses forged credentials with 401 or 403, never worse', async () => {
      await fuzz(forgedCredentials, runsPerOperation * 4, async (headers) => {
        const res = await t.app.inject({ method: 'POST', url: '/admin/api/posts', headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
        expect([401, 403], res.body).toContain(res.statusCode);
        expect(res.json().error.code).toMatch(/^(NOT_SIGNED_IN|SESSION_EXPIRED|API_KEY_INVALID|CSRF_INVALID)$/);
      });
    });

    it('leaves a site that still serves its pages', async () => {
      const pages = ['/', '/rss/', '/sitemap.xml', '/search/?q=review', '/members/print/', '/newsletter/check-your-inbox/'];
      await expectStillServing(t.app, [...pages, ...t.known.postSlugs.map((slug) => `/${slug}/`)], trouble);
    });
  });
}

fuzzAdminApi('sqlite', 6);
fuzzAdminApi('postgres', 4);

afterAll(async () => trouble.finish());
