import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { newsletterStatus, type NewsletterStatus } from '../../api/newsletter';
import { Link, match } from '../../router';
import { DigestPage } from './digest';
import { OutboxBanner } from './outbox-banner';
import { OverviewPage } from './overview';
import { SendsPage } from './sends';
import { SubscribersPage } from './subscribers';

const tabs = [
  { to: '/newsletter', label: 'Overview' },
  { to: '/newsletter/digest', label: 'Digest' },
  { to: '/newsletter/sends', label: 'Sends' },
  { to: '/newsletter/subscribers', label: 'Subscribers' },
] as const;

/** The newsletter screens (editors and up) under /newsletter, with the outbox banner over all of them. */
export function NewsletterScreens({ path }: { path: string }) {
  const read = useQuery(newsletterStatus);
  const status = read.data ?? null;
  const error = read.error ? describeError(read.error) : null;
  const current = (to: string) => (to === '/newsletter' ? path === to : path === to || (to === '/newsletter/digest' && path.startsWith('/newsletter/digests/')));
  return (
    <>
      <nav className="tabs" aria-label="Newsletter">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} aria-current={current(tab.to) ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {status && <OutboxBanner status={status} />}
      <Screen path={path} status={status} />
    </>
  );
}

function Screen({ path, status }: { path: string; status: NewsletterStatus | null }) {
  const digest = match('/newsletter/digests/:id', path);
  if (digest) return <DigestPage key={path} id={Number(digest.id)} />;
  if (path === '/newsletter/digest') return <DigestPage key={path} id={null} />;
  if (path === '/newsletter/sends') return <SendsPage />;
  if (path === '/newsletter/subscribers') return <SubscribersPage />;
  return <OverviewPage status={status} />;
}
