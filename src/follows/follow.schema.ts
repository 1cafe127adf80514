import { z } from 'zod';
import { recordId } from '../db/ids.js';
import { emailAddress } from '../subscribers/index.js';
import { followKinds } from './follow.types.js';

/** The target a follow form names; anything else is an unknown target (404), not a bad request. */
export const targetInput = z.object({ kind: z.enum(followKinds), id: recordId }).strip();

/** The form for readers who are not signed in: the target and their address. */
export const emailFollowInput = z
  .object({
    email: emailAddress,
    // The honeypot, as on the newsletter signup form: people never see it.
    company: z.string().max(500).optional(),
  })
  .strip();

export const followId = recordId;
