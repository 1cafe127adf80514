import { inTransaction, type Db, type Tx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { lockSubscriber } from './subscriber.repository.js';

/** What a reader's link answers once the subscriber it names is erased. */
export const addressGone = () => new AppError('LINK_INVALID', 'This link belongs to an address that is no longer on our list.');

/**
 * Runs `work`, which writes rows naming the subscriber, in one transaction that first locks the
 * subscriber's row. Erasure takes the same lock first, so the work commits wholly before the
 * erasure (which then removes what it wrote) or finds the subscriber gone: LINK_INVALID, as every
 * such write comes from a link mailed to them. Without it, a write just after the erasure fails
 * on its foreign key, or reads a row that is no longer there.
 */
export function whileSubscriberExists<T>(db: Db, subscriberId: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    if (!(await lockSubscriber(tx, { id: subscriberId }))) throw addressGone();
    return work(tx);
  });
}
