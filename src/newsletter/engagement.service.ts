import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { SubscriberService } from '../subscribers/index.js';
import * as repo from './engagement.repository.js';
import { EngagementSigner, type ClickClaims } from './engagement.tokens.js';
import { GroupCommit } from './group-commit.js';

const invalid = () => new AppError('TRACKED_LINK_INVALID', 'This newsletter link is damaged or was not made by this site, so it leads nowhere.');

/**
 * Clicks and opens of newsletter emails, counted on the site: a click address names the send, the
 * link's number and the recipient's delivery (signed), and leads only to the address stored for that
 * link. Counts are written in groups (group-commit.ts), so a burst of clicks makes few commits.
 */
export class EngagementService {
  private signerOnce: Promise<EngagementSigner> | undefined;
  private readonly clicks: GroupCommit<ClickClaims>;
  private readonly opens: GroupCommit<{ sendId: number; deliveryId: number }>;

  constructor(private readonly deps: { db: Db; clock: Clock; subscribers: SubscriberService }) {
    const now = () => deps.clock().toISOString();
    this.clicks = new GroupCommit((items) => repo.recordClicks(deps.db, items, now()), { target: 64, maxWaitMs: 2 });
    this.opens = new GroupCommit((items) => repo.recordOpens(deps.db, items, now()), { target: 64, maxWaitMs: 2 });
  }

  /** Signs click and open addresses with a key derived from the site's newsletter link secret. */
  signer(): Promise<EngagementSigner> {
    this.signerOnce ??= this.deps.subscribers.links().then((links) => new EngagementSigner(links.derivedKey('newsletter engagement')));
    return this.signerOnce;
  }

  /**
   * Gives the address a click leads to, and counts it unless told not to (a HEAD request, as link
   * checkers send, is not a reader); a token not signed here, or naming no stored link, leads nowhere.
   */
  async click(token: string, count = true): Promise<string> {
    const claims = (await this.signer()).verifyClick(token);
    const url = claims && (await repo.linkUrl(this.deps.db, claims.sendId, claims.link));
    if (!claims || !url) throw invalid();
    if (count) await this.clicks.add(claims);
    return url;
  }

  async open(token: string): Promise<void> {
    const claims = (await this.signer()).verifyOpen(token);
    if (!claims) throw invalid();
    await this.opens.add(claims);
  }

  /** Attributes an unsubscribe to the last send the reader received (of the newsletter they left, if one). */
  unsubscribed(db: DbOrTx, subscriberId: number, newsletterId: number | undefined): Promise<void> {
    return repo.markUnsubscribed(db, subscriberId, newsletterId, this.deps.clock().toISOString());
  }

  /** Attributes a complaint to the send it returns (or the last one the reader received). */
  complained(subscriberId: number, sendId: number | undefined): Promise<void> {
    return repo.markComplained(this.deps.db, subscriberId, sendId, this.deps.clock().toISOString());
  }
}
