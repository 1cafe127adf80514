import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Mailer } from '../email/index.js';
import type { NewsletterService, SendService } from '../newsletter/index.js';
import { digestPatch, scheduleInput, testInput } from '../newsletter/index.js';
import { streamedBody } from '../http/streamed-body.js';
import { authorize } from '../staff/index.js';
import { subscriberStatuses, type SubscriberService } from '../subscribers/index.js';
import type { FollowAlerts, FollowService } from '../follows/index.js';
import type { EndpointRegistry } from './endpoint.js';
import * as s from './newsletter.schemas.js';
import { idParams, nextOut } from './schemas.js';

export interface NewsletterRoutesDeps {
  subscribers: SubscriberService;
  /** A subscriber's follows, part of their data export. */
  follows: Pick<FollowService, 'list'>;
  followAlerts: Pick<FollowAlerts, 'enabled'>;
  sends: SendService;
  newsletter: NewsletterService;
  mailer: Mailer;
  /** Where the outbox folder lives when no SMTP server is configured. */
  dataDir: string;
}

const tag = 'newsletter';
const base = '/newsletter';
/** Imports of a whole mailing list from another platform can be large. */
const IMPORT_LIMIT = 50 * 1024 * 1024;

/** The newsletter part of the admin API (editors and up): status, settings, newsletters and subscribers. */
export function adminNewsletterRoutes(api: EndpointRegistry, deps: NewsletterRoutesDeps): void {
  const { subscribers, sends, newsletter, mailer } = deps;
  const add = editorsOnly(api);

  add({
    method: 'GET',
    url: `${base}/status`,
    tag,
    access: 'staff',
    summary: 'Whether mail goes out over SMTP or into DATA_DIR/outbox, and when the next digest is due',
    response: s.statusOut,
    handler: async () => ({
      delivery: mailer.kind,
      ...(mailer.kind === 'outbox' ? { outbox: path.join(deps.dataDir, 'outbox'), notice: 'No SMTP_URL is set: emails are written to the outbox folder, not sent.' } : {}),
      dkim: mailer.dkim !== undefined,
      connections: mailer.connections,
      nextDigest: (await newsletter.nextDigestSlot()).toISOString(),
    }),
  });

  add({
    method: 'GET',
    url: `${base}/settings`,
    tag,
    access: 'staff',
    summary: 'Newsletter settings: sender, sending rate, digest schedule',
    response: s.settingsOut,
    handler: async () => sends.settings(),
  });

  add({
    method: 'PATCH',
    url: `${base}/settings`,
    tag,
    access: 'staff',
    summary: 'Change newsletter settings (merged into the current ones); reschedules the digest assembly',
    bodyDoc: s.settingsPatchDoc,
    response: s.settingsOut,
    handler: async ({ request }) => {
      const updated = await sends.updateSettings(request.body ?? {});
      await newsletter.scheduleAssembly();
      return updated;
    },
  });

  add({
    method: 'GET',
    url: `${base}/newsletters`,
    tag,
    access: 'staff',
    summary: 'Every newsletter readers can choose',
    response: z.object({ newsletters: z.array(s.newsletterOut) }),
    handler: async () => ({ newsletters: await subscribers.newsletters() }),
  });

  add({
    method: 'POST',
    url: `${base}/newsletters`,
    tag,
    access: 'staff',
    status: 201,
    summary: 'Add a newsletter',
    body: s.newsletterCreate,
    response: s.newsletterOut,
    handler: async ({ body }) => subscribers.createNewsletter(body),
  });

  add({
    method: 'PATCH',
    url: `${base}/newsletters/:slug`,
    tag,
    access: 'staff',
    summary: 'Rename a newsletter, change its description, whether new signups get it, or whether its opens are counted',
    params: s.slugParams,
    body: s.newsletterPatch,
    response: s.newsletterOut,
    handler: async ({ params, body }) => subscribers.updateNewsletter(params.slug, body),
  });

  add({
    method: 'GET',
    url: `${base}/subscribers`,
    tag,
    access: 'staff',
    summary: 'Search subscribers by address or name, filter by status and newsletter; past 10,000 matches the total may be an estimate (totalEstimated)',
    query: s.listQuery,
    response: z.object({ subscribers: z.array(s.subscriberOut), total: z.number(), totalEstimated: z.boolean(), next: nextOut }),
    handler: async ({ query }) => subscribers.list(query),
  });

  add({
    method: 'GET',
    url: `${base}/subscribers/statuses`,
    tag,
    access: 'staff',
    summary: 'The states a subscriber can be in',
    response: z.object({ statuses: z.array(z.enum(subscriberStatuses)) }),
    handler: async () => ({ statuses: [...subscriberStatuses] }),
  });

  add({
    method: 'GET',
    url: `${base}/subscribers/growth`,
    tag,
    access: 'staff',
    summary: 'Subscribers over time: joined, left and the total per day',
    query: s.growthQuery,
    response: s.growthOut,
    handler: async ({ query }) => ({ points: await subscribers.growth(query.from, query.to) }),
  });

  add({
    method: 'GET',
    url: `${base}/subscribers/export.csv`,
    tag,
    access: 'staff',
    summary: 'Every subscriber as CSV',
    response: 'csv',
    handler: async ({ reply }) => {
      reply.header('content-disposition', 'attachment; filename="subscribers.csv"');
      return Readable.from(subscribers.exportCsv());
    },
  });

  add({
    method: 'POST',
    url: `${base}/subscribers/import`,
    tag,
    access: 'staff',
    summary: 'Import confirmed subscribers from a CSV export (Substack, Mailchimp, Ghost or any file with an email column); lists rejected rows',
    query: s.newsletterQuery,
    bodyType: 'text/csv',
    bodyDoc: z.string().describe(`The CSV file, at most ${IMPORT_LIMIT / 1024 / 1024} MB`),
    response: s.importReportOut,
    // Read as it arrives, once the role is checked: a large file is never held or parsed whole.
    handler: async ({ query, request }) => subscribers.importCsv(streamedBody(request, IMPORT_LIMIT), { newsletter: query.newsletter }),
  });

  add({
    method: 'GET',
    url: `${base}/subscribers/:email/export`,
    tag,
    access: 'staff',
    summary: 'Everything stored about one subscriber (their follows too), for a data request',
    params: s.emailParams,
    response: s.subscriberExportOut,
    handler: async ({ params }) => {
      const subscriber = await subscribers.exportOne(params.email);
      const reader = { kind: 'subscriber', id: subscriber.id } as const;
      const follows = await deps.follows.list(reader);
      return {
        ...subscriber,
        followAlerts: await deps.followAlerts.enabled(reader),
        follows: follows.map((f) => ({ kind: f.target.kind, slug: f.target.slug, name: f.target.name, confirmed: f.confirmed, createdAt: f.createdAt })),
      };
    },
  });

  add({
    method: 'DELETE',
    url: `${base}/subscribers/:email`,
    tag,
    access: 'staff',
    summary: 'Erase one subscriber and their follows; the address stays suppressed only as a hash',
    params: s.emailParams,
    response: null,
    handler: async ({ params }) => {
      await subscribers.erase(params.email);
    },
  });

  digestRoutes(add, deps);
}

/** Registers endpoints that only editors and administrators may use (the policy decides). */
function editorsOnly(api: EndpointRegistry): EndpointRegistry['add'] {
  return (endpoint) =>
    api.add({
      ...endpoint,
      handler: async (input) => {
        authorize(input.staff, { do: 'newsletter.manage' });
        return endpoint.handler(input);
      },
    });
}

/** Digests (edit, preview, test, send, schedule), post emails and send reports. */
function digestRoutes(add: EndpointRegistry['add'], { newsletter, sends }: NewsletterRoutesDeps): void {
  add({
    method: 'GET',
    url: `${base}/digests`,
    tag,
    access: 'staff',
    summary: 'The latest digests, newest first',
    response: z.object({ digests: z.array(s.digestOut) }),
    handler: async () => ({ digests: await newsletter.digests() }),
  });

  add({
    method: 'POST',
    url: `${base}/digests/assemble`,
    tag,
    access: 'staff',
    status: 201,
    summary: 'Assemble the draft of the next digest now (or answer the one already assembled)',
    response: s.digestOut,
    handler: async () => newsletter.assemble(await newsletter.nextDigestSlot()),
  });

  add({
    method: 'GET',
    url: `${base}/digests/:id`,
    tag,
    access: 'staff',
    summary: 'One digest with its pieces in reading order',
    params: idParams,
    response: s.digestOut,
    handler: async ({ params }) => newsletter.digest(params.id),
  });

  add({
    method: 'PATCH',
    url: `${base}/digests/:id`,
    tag,
    access: 'staff',
    summary: 'Change the subject, the intro, or the pieces (reorder, drop, add published ones)',
    params: idParams,
    body: digestPatch,
    response: s.digestOut,
    handler: async ({ params, body }) => newsletter.update(params.id, body),
  });

  add({
    method: 'GET',
    url: `${base}/digests/:id/preview`,
    tag,
    access: 'staff',
    summary: 'The digest email as the browser shows it',
    params: idParams,
    response: 'html',
    handler: async ({ params }) => newsletter.preview(params.id),
  });

  add({
    method: 'POST',
    url: `${base}/digests/:id/test`,
    tag,
    access: 'staff',
    summary: 'Email a test copy of the digest to one address',
    params: idParams,
    body: testInput,
    response: null,
    rateLimit: { max: 20, timeWindow: 60_000 },
    handler: async ({ params, body }) => {
      await newsletter.sendTest(params.id, body);
    },
  });

  add({
    method: 'POST',
    url: `${base}/digests/:id/send`,
    tag,
    access: 'staff',
    status: 202,
    summary: 'Start sending the digest now (answers the same send when it already started)',
    params: idParams,
    response: z.object({ sendId: z.number() }),
    handler: async ({ params }) => ({ sendId: await newsletter.sendNow(params.id) }),
  });

  add({
    method: 'POST',
    url: `${base}/digests/:id/schedule`,
    tag,
    access: 'staff',
    summary: 'Send the digest at a set time',
    params: idParams,
    body: scheduleInput,
    response: s.digestOut,
    handler: async ({ params, body }) => newsletter.schedule(params.id, body),
  });

  add({
    method: 'POST',
    url: `${base}/posts/:slug/send`,
    tag,
    access: 'staff',
    status: 202,
    summary: 'Email a published post to a newsletter (a scheduled one goes when it is published)',
    params: s.slugParams,
    body: s.postSendInput,
    response: z.object({ sendId: z.number().nullable(), sendsAt: z.string().nullable() }),
    handler: async ({ params, body }) => newsletter.sendPost(params.slug, body.newsletter),
  });

  add({
    method: 'GET',
    url: `${base}/sends`,
    tag,
    access: 'staff',
    summary: 'The latest 50 sends with their reports',
    response: z.object({ sends: z.array(s.sendReportOut) }),
    handler: async () => ({ sends: await sends.reports(50) }),
  });

  add({
    method: 'GET',
    url: `${base}/sends/:id`,
    tag,
    access: 'staff',
    summary: 'One send: delivered, deferred, failed, bounced, skipped, pending, unsubscribed since',
    params: idParams,
    response: s.sendReportOut,
    handler: async ({ params }) => sends.report(params.id),
  });
}
