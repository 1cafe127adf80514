import type { NewsletterStatus } from '../../api/newsletter';

/** Says plainly when emails are written to the outbox folder instead of going out over SMTP. */
export function OutboxBanner({ status }: { status: NewsletterStatus }) {
  if (status.delivery !== 'outbox') return null;
  return (
    <div className="banner banner-warning" role="region" aria-label="Email delivery">
      <p>
        <strong>Emails are not being sent.</strong> No SMTP server is configured (<code>SMTP_URL</code>), so every newsletter, test and notice is written to the outbox folder instead:
      </p>
      <p>
        <code>{status.outbox}</code>
      </p>
    </div>
  );
}
