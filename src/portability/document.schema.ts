import { z } from 'zod';
import { authorInput, tagFields } from '../content/taxonomy.schema.js';
import { postInput } from '../content/post.schema.js';
import { slugSchema } from '../content/text.js';
import { workInput } from '../reviews/index.js';
import { staffRoles } from '../staff/index.js';
import { portableNewsletters, portableSubscribers } from '../subscribers/index.js';
import { membershipSection } from '../members/index.js';
import { printSection } from '../print/index.js';

export const DOCUMENT_VERSION = 1;

/**
 * The whole site as one JSON document. Everything refers to everything else by slug (or email),
 * never by database id, so a document moves between databases and machines unchanged.
 */
export const siteDocument = z
  .object({
    masthead: z.object({ version: z.literal(DOCUMENT_VERSION) }).strict(),
    settings: z.record(z.string(), z.unknown()),
    tags: z.array(tagFields.required({ slug: true })),
    authors: z.array(authorInput.required({ slug: true })),
    works: z.array(workInput.required({ slug: true })),
    posts: z.array(
      z
        .object({ post: postInput, redirectsFrom: z.array(slugSchema).default([]) })
        .strict(),
    ),
    newsletters: portableNewsletters.default([]),
    subscribers: portableSubscribers.default([]),
    users: z.array(
      z
        .object({
          email: z.string(),
          name: z.string(),
          role: z.enum(staffRoles),
          status: z.enum(['active', 'invited', 'suspended']),
        })
        .strict(),
    ),
    memberships: membershipSection.default({ plans: [], members: [], subscriptions: [] }),
    printIssues: printSection.default([]),
  })
  .strict();

export type SiteDocument = z.infer<typeof siteDocument>;
