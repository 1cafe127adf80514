import { z } from 'zod';
import { paragraph } from '../content/text.js';
import { recordId } from '../db/ids.js';
import { commentAccesses, commentStatuses } from './comment.types.js';

export const MAX_COMMENT_CHARS = 5000;

/** A comment as a reader sends it. `website` is the hidden field: people leave it empty, bots fill it in. */
export const commentInput = z
  .object({
    body: paragraph(MAX_COMMENT_CHARS).pipe(z.string().min(1, 'is required')),
    parentId: z.union([z.literal('').transform(() => undefined), recordId]).optional(),
    website: z.string().max(2000).optional(),
  })
  .strict();

export const accessInput = z.enum(commentAccesses, { message: `must be one of ${commentAccesses.join(', ')}` });
/** A piece's rule: its own, or `inherit` to follow the site's. */
export const postAccessInput = z.union([z.literal('inherit'), accessInput], { message: `must be inherit or one of ${commentAccesses.join(', ')}` });

export const moderationQuery = z
  .object({
    status: z.enum(commentStatuses).optional(),
    postId: recordId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
