import { inTransaction, type Db, type Tx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { lockMember } from './member-data.repository.js';

/**
 * Runs `work`, which writes rows naming the member, in one transaction that first locks the
 * member's row. Erasure takes the same lock first, so the work commits wholly before the erasure
 * (which then removes what it wrote) or finds the member gone: SIGNIN_REQUIRED, as their session
 * went with them. Without it, a write just after the erasure fails on its foreign key, or waits
 * on the erasure's locks in the other order and deadlocks on PostgreSQL.
 */
export function whileMemberExists<T>(db: Db, memberId: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    if (!(await lockMember(tx, { id: memberId }))) throw new AppError('SIGNIN_REQUIRED');
    return work(tx);
  });
}
