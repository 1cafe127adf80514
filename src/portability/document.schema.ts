import { z } from 'zod';
import { authorInput, tagFields } from '../content/taxonomy.schema.js';
import { postInput } from '../content/post.schema.js';
import { slugSchema } from '../content/text.js';
import { oldAddressKey } from './old-address.js';
import { workInput } from '../reviews/index.js';
import { staffRoles } from '../staff/index.js';
import { portableNewsletters, portableSubscribers } from '../subscribers/index.js';
import { membershipSection, portableOffer, portableOfferRedemption, portableTip } from '../members/index.js';
import { printSection } from '../print/index.js';
import { portableFollow } from '../follows/index.js';
import { portableComment, portableCommentAccess, portableCommentBan, portableCommentOptOut } from '../comments/index.js';

/**
 * The document's format. Version 2 added what imports from other platforms made (old addresses,
 * imported items) and tag visibility; version 3 readers' follows, comments (with each piece's
 * comment rule, members stopped from commenting and comment email opt-outs), offers with their
 * redemptions, and tips. Older documents still import: what they lack starts empty. A newer one is
 * refused by its version, before anything else is read, rather than by the first part this
 * Masthead does not know. test/portability/document-version.test.ts fails when the format changes
 * and the version does not.
 */
export const DOCUMENT_VERSION = 3;

/** An item of this site, named by its slug. */
const slugTarget = z.union([z.object({ post: slugSchema }).strict(), z.object({ tag: slugSchema }).strict(), z.object({ author: slugSchema }).strict()]);

/** A path on this site: one slash, never `//host` or `/\\host`, which browsers read as another site. */
const localPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![\/\\])[^\u0000-\u001f\u007f]*$/, 'must be a path on this site, starting with one /');

const timestamp = z.string().datetime();

/** An old address of an imported site and what answers there now (a 301). */
export const portableOldAddress = z
  .object({
    address: z
      .string()
      .max(1000)
      .refine((a) => oldAddressKey(a) === a, 'must be an address as stored: a lower-case path, no trailing slash'),
    to: z.union([slugTarget, z.object({ location: localPath }).strict()]),
    createdAt: timestamp,
  })
  .strict();

/** One thing an import brought in, by the other platform's id, so running that import again adds nothing. */
export const portableImportedItem = z
  .object({
    source: z.string().min(1).max(500),
    kind: z.enum(['post', 'tag', 'term', 'author']),
    externalId: z.string().min(1).max(1000),
    to: slugTarget,
    sourceHash: z.string().max(200),
    targetHash: z.string().max(200),
    importedAt: timestamp,
  })
  .strict();

export type PortableOldAddress = z.infer<typeof portableOldAddress>;
export type PortableImportedItem = z.infer<typeof portableImportedItem>;

/** One user of the document: staff accounts travel without passwords. */
const portableUser = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(staffRoles),
    status: z.enum(['active', 'invited', 'suspended']),
  })
  .strict();

/** One post or page, with the old slugs that lead to it. */
const portablePost = z.object({ post: postInput, redirectsFrom: z.array(slugSchema).default([]) }).strict();

/**
 * The document's members in the order export writes them. An import reads it as a stream and
 * checks each item as it comes, with the same schemas, so these pieces are also what it uses.
 */
export const documentParts = {
  masthead: z.object({ version: z.number().int().min(1).max(DOCUMENT_VERSION) }).strict(),
  settings: z.record(z.string(), z.unknown()),
  tags: z.array(tagFields.required({ slug: true })),
  authors: z.array(authorInput.required({ slug: true })),
  works: z.array(workInput.required({ slug: true })),
  posts: z.array(portablePost),
  newsletters: portableNewsletters.default([]),
  subscribers: portableSubscribers.default([]),
  users: z.array(portableUser),
  memberships: membershipSection.default({ plans: [], members: [], subscriptions: [] }),
  printIssues: printSection.default([]),
  offers: z.array(portableOffer).default([]),
  offerRedemptions: z.array(portableOfferRedemption).default([]),
  tips: z.array(portableTip).default([]),
  follows: z.array(portableFollow).default([]),
  comments: z.array(portableComment).default([]),
  commentAccess: z.array(portableCommentAccess).default([]),
  commentBans: z.array(portableCommentBan).default([]),
  commentOptOuts: z.array(portableCommentOptOut).default([]),
  oldAddresses: z.array(portableOldAddress).default([]),
  importedItems: z.array(portableImportedItem).default([]),
};

/**
 * The whole site as one JSON document. Everything refers to everything else by slug (or email),
 * never by database id, so a document moves between databases and machines unchanged.
 */
export const siteDocument = z.object(documentParts).strict();

export type SiteDocument = z.infer<typeof siteDocument>;
