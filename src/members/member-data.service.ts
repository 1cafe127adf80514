import { inTransaction, type Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { EmailWords } from './member.emails.js';
import { checkoutsOf, lockMember, commentSettingsOf, commentsOf, eraseMemberRows, fulfilmentOf, hasBilledSubscription, tipsOf } from './member-data.repository.js';
import type { MemberService } from './member.service.js';

export interface MemberDataDeps {
  db: Db;
  members: Pick<MemberService, 'detail'>;
  /** The site's language: erased members' comments are signed with its "A former member". */
  words: () => Promise<Pick<EmailWords, 't'>>;
  /** Told, after the erasure commits, which pieces now show different comments. */
  commentsChanged: (postIds: number[]) => void;
}

/** A member's data on request: everything held about them, or their erasure. */
export class MemberDataService {
  constructor(private readonly deps: MemberDataDeps) {}

  /** What Masthead holds about one member, apart from their follows (the follows domain adds those). */
  async export(id: number) {
    const { db } = this.deps;
    const detail = await this.deps.members.detail(id);
    return {
      member: detail.member,
      subscriptions: detail.subscriptions,
      giftsGiven: detail.giftsGiven,
      checkouts: await checkoutsOf(db, id),
      tips: await tipsOf(db, id),
      printFulfilment: await fulfilmentOf(db, id),
      comments: await commentsOf(db, id),
      ...(await commentSettingsOf(db, id)),
    };
  }

  /**
   * Erases one member in one transaction (see `eraseMemberRows` for what stays). Refused while
   * Stripe still bills them: their subscription must be cancelled first, on purpose, by staff.
   */
  async erase(id: number): Promise<void> {
    const { t } = await this.deps.words();
    const touched = await inTransaction(this.deps.db, async (tx) => {
      if (!(await lockMember(tx, { id }))) throw new AppError('MEMBER_NOT_FOUND');
      if (await hasBilledSubscription(tx, id)) throw new AppError('MEMBER_STILL_SUBSCRIBED');
      return eraseMemberRows(tx, id, t('comments.formerMember'));
    });
    this.deps.commentsChanged(touched);
  }
}
