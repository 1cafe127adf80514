import { z } from 'zod';
import { staffRoles } from '../staff/index.js';

/** Shapes shared by several endpoints. */
/** Ids are 32-bit integer columns: a larger number is refused here rather than by the database. */
export const idParams = z
  .object({ id: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive').max(2_147_483_647, 'is too large') })
  .strict();

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
