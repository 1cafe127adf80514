import { z } from 'zod';
import { recordId } from '../db/ids.js';
import { staffRoles } from '../staff/index.js';

/** Shapes shared by several endpoints. */
export const idParams = z.object({ id: recordId }).strict();

export const staffUserOut = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  status: z.enum(['active', 'invited', 'suspended']),
  authorId: z.number().nullable(),
  createdAt: z.string(),
});

export const staffEnvelope = z.object({ staff: staffUserOut });

export const pageQuery = {
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  offset: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000).default(0),
};

export const pageInfo = z.object({ total: z.number(), limit: z.number(), offset: z.number() });

/** Where a list's next page starts, for lists that can be read on from a page's end (`after`). */
export const nextOut = z.string().nullable().describe('Where the next page starts: pass it back as `after`; null on the last page');
