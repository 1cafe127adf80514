import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { parseMailReport, type DsnRecipient, type MailReport } from '../email/index.js';
import type { SubscriberService } from '../subscribers/index.js';
import type { EngagementService } from './engagement.service.js';
import { markReportedBounce } from './send.repository.js';

/** What became of one report (or, for a bounce naming several addresses, of one address in it). */
export interface FeedbackOutcome {
  /** Where the report came from, e.g. `reports.mbox#3`. */
  source: string;
  applied: boolean;
  /** What was done, or why nothing was. */
  result: string;
  /** The subscriber the report was traced to, when it was. */
  email?: string;
}

const MAX_REPORT_BYTES = 10 * 1024 * 1024;
/** Complaint types of RFC 5965 that mean "this is unwanted"; not-spam, virus and others are not. */
const COMPLAINTS = ['abuse', 'fraud'];

/** Providers that hide the complainant's address replace it with x's, asterisks or "redacted". */
function redacted(address: string): boolean {
  const local = address.split('@')[0] ?? '';
  return !address.includes('@') || /^[x*]+$/i.test(local) || /redacted/i.test(local);
}

type Traced = { subscriberId: number; email: string; sendId: number | undefined } | { problem: string };

/**
 * Applies complaint (ARF) and bounce (DSN) reports that arrive by email. A report counts only if
 * the original message it returns carries our own signed unsubscribe link, so a forged report
 * cannot silence someone else's address; the address it names must be that subscriber's.
 */
export class FeedbackService {
  constructor(private readonly deps: { db: Db; clock: Clock; subscribers: SubscriberService; engagement: EngagementService }) {}

  async apply(raw: Buffer, source: string): Promise<FeedbackOutcome[]> {
    const reject = (result: string, email?: string): FeedbackOutcome[] => [{ source, applied: false, result, ...(email ? { email } : {}) }];
    if (raw.length > MAX_REPORT_BYTES) return reject('larger than 10 MB, so not a report');
    let report: MailReport;
    try {
      report = await parseMailReport(raw);
    } catch (error) {
      return reject(`not a readable email (${error instanceof Error ? error.message : String(error)})`);
    }
    if (report.kind === 'none') return reject(`neither a complaint (feedback report) nor a bounce (delivery status), but ${report.contentType}`);
    const traced = await this.trace(report);
    if ('problem' in traced) return reject(traced.problem);
    if (report.kind === 'feedback') {
      if (!COMPLAINTS.includes(report.feedbackType)) return reject(`feedback type "${report.feedbackType || '(none)'}" is not a complaint`, traced.email);
      if (report.originalRcptTo && !redacted(report.originalRcptTo) && report.originalRcptTo !== traced.email) {
        return reject(`the complaint comes from ${report.originalRcptTo}, not from the subscriber the message was sent to (a forwarded copy?)`, traced.email);
      }
      const before = await this.deps.subscribers.markComplained(traced.subscriberId);
      await this.deps.engagement.complained(traced.subscriberId, traced.sendId);
      return [{ source, applied: true, email: traced.email, result: before === 'complained' ? 'complaint (already suppressed)' : 'complaint: marked complained and suppressed' }];
    }
    if (report.recipients.length === 0) return reject('the delivery status names no recipient', traced.email);
    const outcomes: FeedbackOutcome[] = [];
    for (const recipient of report.recipients) outcomes.push({ source, ...(await this.applyBounce(recipient, traced)) });
    return outcomes;
  }

  private async applyBounce(recipient: DsnRecipient, traced: Exclude<Traced, { problem: string }>): Promise<Omit<FeedbackOutcome, 'source'>> {
    const email = traced.email;
    if (recipient.address !== email) return { applied: false, email, result: `the failed address ${recipient.address || '(none)'} is not the subscriber's (a forwarded copy?)` };
    if (recipient.action !== 'failed') return { applied: false, email, result: `the delivery status says "${recipient.action || '(no action)'}", not a failure` };
    if (!/^5\.\d{1,3}\.\d{1,3}$/.test(recipient.status)) return { applied: false, email, result: `a temporary failure (${recipient.status || 'no status'}); the address stays` };
    const before = await this.deps.subscribers.markBounced(traced.subscriberId);
    if (traced.sendId !== undefined) await markReportedBounce(this.deps.db, traced.sendId, traced.subscriberId, `${recipient.status} ${recipient.diagnostic}`.trim());
    return { applied: true, email, result: before === 'bounced' || before === 'complained' ? `bounce ${recipient.status} (already suppressed)` : `bounce ${recipient.status}: marked bounced and suppressed` };
  }

  /** The subscriber behind the returned original, by the signed token of its List-Unsubscribe link. */
  private async trace(report: Exclude<MailReport, { kind: 'none' }>): Promise<Traced> {
    if (!report.original) return { problem: 'the original message is not returned, so nothing tells whose it was' };
    const link = report.original.getFirst('list-unsubscribe');
    const token = /[?&]token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(link)?.[1];
    if (!token) return { problem: 'the returned message has no unsubscribe link of ours (not a newsletter email of this site?)' };
    let subscriberId: number;
    try {
      subscriberId = (await this.deps.subscribers.links()).verify(token, 'unsubscribe', this.deps.clock()).subscriberId;
    } catch {
      return { problem: 'the unsubscribe link in the returned message was not signed by this site' };
    }
    const row = await this.deps.subscribers.findRow(subscriberId);
    if (!row) return { problem: 'the subscriber it was sent to is no longer on the list (erased)' };
    const sendId = /^(\d+):/.exec(report.original.getFirst('feedback-id').trim())?.[1];
    return { subscriberId, email: row.email, sendId: sendId ? Number(sendId) : undefined };
  }
}
