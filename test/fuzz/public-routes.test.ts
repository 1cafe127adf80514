import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../support/stores.js';
import { AdminClient } from '../admin-api/support/admin-client.js';
import { fuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { expectStillServing, fuzz, judge, printable, watchForTrouble, type AnswerRules } from './support/harness.js';
import { publicFamilies } from './support/public-routes.js';
import type { Shot } from './support/requests.js';
import { forgedWebhooks, signedOddEvents } from './support/webhooks.js';

// Checkout and the billing portal send readers to Stripe's own pages.
const rules: AnswerRules = { redirectOrigins: ['https://checkout.stripe.com', 'https://billing.stripe.com'] };
const trouble = watchForTrouble();

interface Sender {
  name: string;
  headers: Record<string, string>;
}

/**
 * Generated requests for every public address (pages, archives, feeds, sitemaps, search, the
 * newsletter and member forms, the Content API and the Stripe webhook) with odd paths, query
 * strings, bodies, encodings and headers, from a stranger, a visitor holding a form's CSRF token
 * and a signed-in reader: nobody gets a 5xx, pages stay pages, APIs answer in the JSON envelope,
 * no hostile markup comes back unescaped, and nothing fails behind the scenes.
 */
function fuzzPublicRoutes(dialect: Dialect, runsPerFamily: number) {
  describe(`fuzzing the public routes on ${dialect}`, () => {
    let t: FuzzApp;
    let senders: Sender[];

    beforeAll(async () => {
      t = await fuzzApp(dialect, trouble);
      const visitor = await new AdminClient(t.app).start();
      const csrf = { cookie: `_csrf=${visitor.cookies.get('_csrf')}`, 'x-csrf-token': visitor.csrf };
      senders = [
        { name: 'a stranger', headers: {} },
        { name: 'a visitor with a CSRF token', headers: csrf },
        { name: 'a signed-in reader', headers: { ...csrf, cookie: `${csrf.cookie}; masthead_member=${t.known.memberSession}` } },
      ];
    });
    afterAll(async () => t.close());

    it.each(publicFamilies.map((family) => [family.name, family] as const))('%s: sound answers for everyone', async (_name, family) => {
      await fuzz(family.shots(t.known).map(printable), runsPerFamily, async (shot) => {
        for (const sender of senders) await judge(t.app, shot, sender, family.expect, rules, trouble);
      });
    });

    it('answers soundly when the same requests race each other', async () => {
      // The same form sent several times at once (a double click, a retrying client): unique rows race.
      const racing = fc.constantFrom(...publicFamilies).chain((family) => fc.tuple(fc.constant(family.expect), family.shots(t.known).map(printable), fc.nat({ max: senders.length - 1 }), fc.integer({ min: 2, max: 5 })));
      await fuzz(racing, runsPerFamily, async ([wanted, shot, who, times]) => {
        const sender = senders[who]!;
        const from = (i: number) => shot.remoteAddress.replace(/\d+$/, (last) => String(((Number(last) + i) % 254) + 1));
        await Promise.all(Array.from({ length: times }, (_, i) => judge(t.app, { ...shot, remoteAddress: from(i) }, sender, wanted, rules, trouble)));
      });
    });

    it('refuses webhooks Stripe did not sign with a 4xx in the envelope', async () => {
      await fuzz(forgedWebhooks.map(printable), runsPerFamily, async (shot) => {
        const res = await judge(t.app, shot, senders[0]!, 'json', rules, trouble);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      });
    });

    it('applies or ignores odd but correctly signed webhook events, never failing on them', async () => {
      await fuzz(signedOddEvents(t.known.stripe).map(printable), runsPerFamily, async (shot: Shot) => {
        await judge(t.app, shot, senders[0]!, 'json', rules, trouble);
      });
    });

    it('still serves the magazine afterwards', async () => {
      await expectStillServing(t.app, ['/', '/rss/', `/api/content/posts/?key=${t.known.contentKey}`, ...t.known.postSlugs.map((slug) => `/${slug}/`)], trouble);
    });
  });
}

fuzzPublicRoutes('sqlite', 150);
fuzzPublicRoutes('postgres', 30);

afterAll(async () => trouble.finish());
