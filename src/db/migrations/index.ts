import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-create-content.js';
import * as m0002 from './0002-create-jobs.js';
import * as m0003 from './0003-create-staff.js';
import * as m0040 from './0040-create-members.js';
import * as m0020 from './0020-create-staff-auth.js';
import * as m0021 from './0021-create-post-revisions.js';
import * as m0022 from './0022-create-media.js';
import * as m0023 from './0023-create-post-views.js';
import * as m0026 from './0026-share-daily-view-salt.js';
import * as m0010 from './0010-create-site-cache-changes.js';
import * as m0015 from './0015-create-search.js';
import * as m0016 from './0016-create-recommendations.js';
import * as m0017 from './0017-defer-search-refresh.js';
import * as m0018 from './0018-index-featured-posts.js';
import * as m0030 from './0030-create-newsletter.js';
import * as m0050 from './0050-create-content-api-keys.js';
import * as m0051 from './0051-index-post-filter-columns.js';
import * as m0052 from './0052-narrow-post-search.js';
import * as m0053 from './0053-create-staff-known-browsers.js';
import * as m0056 from './0056-create-imported-items.js';
import * as m0057 from './0057-create-old-addresses.js';
import * as m0060 from './0060-widen-stripe-event-times.js';
import * as m0061 from './0061-add-signing-admin-keys.js';
import * as m0064 from './0064-create-webhooks.js';
import * as m0065 from './0065-create-import-runs.js';
import * as m0066 from './0066-add-tag-visibility.js';
import * as m0068 from './0068-plan-prices-in-minor-units.js';
import * as m0072 from './0072-create-rate-limit-hits.js';
import * as m0073 from './0073-create-cdn-purge-keys.js';
import * as m0074 from './0074-index-admin-lists.js';
import * as m0075 from './0075-create-subscriber-import-rows.js';
import * as m0076 from './0076-create-newsletter-send-batches.js';
import * as m0077 from './0077-fold-search-languages.js';
import * as m0078 from './0078-index-post-titles-member-emails.js';
import * as m0082 from './0082-create-follows.js';
import * as m0083 from './0083-create-follow-alerts.js';
import * as m0084 from './0084-create-newsletter-engagement.js';
import * as m0086 from './0086-add-trials-and-offers.js';
import * as m0087 from './0087-create-tips.js';
import * as m0089 from './0089-add-offer-promotion-codes.js';
import * as m0090 from './0090-create-post-people.js';
import * as m0091 from './0091-create-follow-alert-posts.js';
import * as m0092 from './0092-index-each-post-once.js';
import * as m0079 from './0079-create-comments.js';
import * as m0080 from './0080-add-comment-emails.js';
import * as m0081 from './0081-keep-comments-of-erased-members.js';

/** Every migration, by name. Add new files here; never edit one that has landed. */
const migrations: Record<string, Migration> = {
  '0001-create-content': m0001,
  '0002-create-jobs': m0002,
  '0003-create-staff': m0003,
  '0040-create-members': m0040,
  '0020-create-staff-auth': m0020,
  '0021-create-post-revisions': m0021,
  '0022-create-media': m0022,
  '0023-create-post-views': m0023,
  '0026-share-daily-view-salt': m0026,
  '0010-create-site-cache-changes': m0010,
  '0015-create-search': m0015,
  '0016-create-recommendations': m0016,
  '0017-defer-search-refresh': m0017,
  '0018-index-featured-posts': m0018,
  '0030-create-newsletter': m0030,
  '0050-create-content-api-keys': m0050,
  '0051-index-post-filter-columns': m0051,
  '0052-narrow-post-search': m0052,
  '0053-create-staff-known-browsers': m0053,
  '0056-create-imported-items': m0056,
  '0057-create-old-addresses': m0057,
  '0060-widen-stripe-event-times': m0060,
  '0061-add-signing-admin-keys': m0061,
  '0064-create-webhooks': m0064,
  '0065-create-import-runs': m0065,
  '0066-add-tag-visibility': m0066,
  '0068-plan-prices-in-minor-units': m0068,
  '0072-create-rate-limit-hits': m0072,
  '0073-create-cdn-purge-keys': m0073,
  '0074-index-admin-lists': m0074,
  '0075-create-subscriber-import-rows': m0075,
  '0076-create-newsletter-send-batches': m0076,
  '0077-fold-search-languages': m0077,
  '0078-index-post-titles-member-emails': m0078,
  '0082-create-follows': m0082,
  '0083-create-follow-alerts': m0083,
  '0084-create-newsletter-engagement': m0084,
  '0086-add-trials-and-offers': m0086,
  '0087-create-tips': m0087,
  '0089-add-offer-promotion-codes': m0089,
  '0090-create-post-people': m0090,
  '0091-create-follow-alert-posts': m0091,
  '0092-index-each-post-once': m0092,
  '0079-create-comments': m0079,
  '0080-add-comment-emails': m0080,
  '0081-keep-comments-of-erased-members': m0081,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
