import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { newsletterList, sendList, sendPost, type SendReport } from '../../api/newsletter';
import { postList } from '../../api/posts';
import { announce } from '../../components/announcer';
import { HorizontalBars, LinkClicks } from '../../components/charts';
import { SelectField } from '../../components/field';
import { toProblem, type FormProblem } from '../auth-form';
import { formatDate } from '../format';
import { ConfirmDialog } from './confirm-dialog';

/** How often the list asks again while a send is running. */
const POLL_MS = 1000;

/** Every send with its report; while one runs the page polls and shows its progress. */
export function SendsPage() {
  const read = useQuery({
    ...sendList,
    refetchInterval: (query) => (query.state.data?.some((s: SendReport) => s.state === 'sending') ? POLL_MS : false),
  });
  const sends = read.data;
  const error = read.error ? describeError(read.error) : null;

  return (
    <section>
      <h1>Sends</h1>
      <EmailPostForm />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {sends && sends.length === 0 && <p className="empty">Nothing has been sent yet.</p>}
      <div className="sends">
        {sends?.map((send) => (
          <SendCard key={send.id} send={send} />
        ))}
      </div>
    </section>
  );
}

function SendCard({ send }: { send: SendReport }) {
  const done = send.total - send.pending;
  const headingId = `send-${send.id}`;
  return (
    <article className="card send" aria-labelledby={headingId}>
      <h2 id={headingId}>{send.subject}</h2>
      <p className="muted">
        {send.kind === 'digest' ? 'Digest' : send.kind === 'post' ? 'Post email' : 'Test'} to {send.newsletter} · started {formatDate(send.startedAt)}
        {send.finishedAt && <> · finished {formatDate(send.finishedAt)}</>} · <span className={`badge badge-${send.state}`}>{send.state === 'sending' ? 'sending' : 'done'}</span>
      </p>
      {send.state === 'sending' && (
        <p className="send-progress">
          <label htmlFor={`${headingId}-progress`}>Progress</label> <progress id={`${headingId}-progress`} max={Math.max(1, send.total)} value={done} />{' '}
          <span>
            {done.toLocaleString()} of {send.total.toLocaleString()}
          </span>
        </p>
      )}
      <HorizontalBars
        title={`Report on ${send.total.toLocaleString()} ${send.total === 1 ? 'recipient' : 'recipients'}`}
        unit={{ one: '', many: '' }}
        rows={[
          { label: 'Delivered', value: send.delivered },
          { label: 'Deferred', value: send.deferred },
          { label: 'Failed', value: send.failed },
          { label: 'Bounced', value: send.bounced },
          { label: 'Skipped', value: send.skipped },
          ...(send.pending > 0 ? [{ label: 'Waiting', value: send.pending }] : []),
          { label: 'Unsubscribed since', value: send.unsubscribedSince },
          { label: 'Complaints since', value: send.complaints },
          ...(send.opens !== null ? [{ label: 'Opened', value: send.opens }] : []),
        ]}
      />
      <Engagement send={send} />
    </article>
  );
}

/** What readers did with the send: clicks per link (counted on this site), and opens where the newsletter counts them. */
function Engagement({ send }: { send: SendReport }) {
  if (send.links.length === 0) return <p className="note">This email had no links to count clicks on.</p>;
  return (
    <>
      <p className="note">
        {send.clicks.toLocaleString()} {send.clicks === 1 ? 'click' : 'clicks'} on its links, {send.uniqueClicks.toLocaleString()} of them a reader’s first on that link
        {send.opens === null ? '; opens are not counted for this newsletter.' : `; ${send.opens.toLocaleString()} ${send.opens === 1 ? 'reader' : 'readers'} opened it, as far as an image can tell.`}
      </p>
      {send.clicks > 0 && <LinkClicks title="Clicks per link (all clicks / readers who clicked)" links={send.links.filter((l) => l.clicks > 0)} />}
    </>
  );
}

/** Emails one published piece to a chosen newsletter. */
function EmailPostForm() {
  const posts = useQuery(postList({ type: 'post', status: 'published', limit: 50 })).data?.posts ?? [];
  const newsletters = useQuery(newsletterList).data ?? [];
  const [slug, setSlug] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  // Until someone chooses, the newsletter new signups get (or the first).
  const newsletter = chosen ?? (newsletters.find((n) => n.isDefault) ?? newsletters[0])?.slug ?? '';
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [asking, setAsking] = useState(false);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!slug) setProblem({ message: 'Choose a piece to email.', fields: [{ field: 'post', message: 'choose a piece' }] });
    else setAsking(true);
  };
  const send = async () => {
    setAsking(false);
    try {
      const started = await sendPost(slug, newsletter || undefined);
      announce(started.sendsAt ? `It will be emailed when it is published, ${formatDate(started.sendsAt)}.` : 'The email is on its way.');
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const field = (name: string) => problem?.fields?.find((f) => f.field === name)?.message;
  const title = posts.find((p) => p.slug === slug)?.title ?? '';

  return (
    <form className="inline-form" onSubmit={ask} noValidate aria-label="Email a published piece">
      <SelectField label="Email a published piece" value={slug} onChange={(e) => setSlug(e.target.value)} error={field('post') ?? field('slug')}>
        <option value="">Choose…</option>
        {posts.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <SelectField label="To" value={newsletter} onChange={(e) => setChosen(e.target.value)} error={field('newsletter')}>
        {newsletters.map((n) => (
          <option key={n.slug} value={n.slug}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <button type="submit">Email it…</button>
      {problem && !problem.fields?.length && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
      {asking && (
        <ConfirmDialog title="Email this piece?" confirm="Send now" onConfirm={() => void send()} onCancel={() => setAsking(false)}>
          <p>
            “{title}” goes to every confirmed subscriber of {newsletters.find((n) => n.slug === newsletter)?.name ?? 'the newsletter'} now.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
