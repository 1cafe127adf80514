import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeError } from '../../api/client';
import { eraseMember, exportMember, memberDetail, planList, type Member } from '../../api/members';
import { announce } from '../../components/announcer';
import { Link, navigate } from '../../router';
import { ConfirmDialog } from '../newsletter/confirm-dialog';
import { formatDate } from '../format';
import { countryName } from './labels';
import { tierLabels } from './plans';
import { statusLabels } from './members';

const billingLabels = { month: 'monthly', year: 'yearly', gift: 'gift (one year)' } as const;

export function MemberDetailPage({ id }: { id: number }) {
  // Keyed by the member: an answer about the member shown before never replaces this one.
  const read = useQuery(memberDetail(id));
  const detail = read.data ?? null;
  const error = read.error ? describeError(read.error) : null;
  const planRows = useQuery(planList).data;
  const plans = useMemo(() => new Map((planRows ?? []).map((p) => [p.id, p])), [planRows]);
  const [erasing, setErasing] = useState(false);
  const queries = useQueryClient();

  const download = async () => {
    try {
      const data = await exportMember(id);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `member-${id}.json`;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  const erase = async (member: Pick<Member, 'email'>) => {
    setErasing(false);
    try {
      await eraseMember(id);
      queries.removeQueries({ queryKey: ['members', id] });
      await queries.invalidateQueries({ queryKey: ['members'] });
      announce(`Erased ${member.email}.`);
      navigate('/members');
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  if (error) {
    return (
      <section>
        <h1>Member</h1>
        <p role="alert" className="form-error">
          {error}
        </p>
        <p>
          <Link to="/members">Back to members</Link>
        </p>
      </section>
    );
  }
  if (!detail) return <p role="status">Loading…</p>;
  const { member, subscriptions, giftsGiven, checkouts } = detail;
  const address = member.address;
  return (
    <section className="member-detail">
      <p>
        <Link to="/members">← Members</Link>
      </p>
      <div className="page-head">
        <h1>{member.name || member.email}</h1>
        <div className="form-actions">
          <button type="button" onClick={() => void download()}>
            Download data
          </button>
          <button type="button" className="danger" onClick={() => setErasing(true)}>
            Erase…
          </button>
        </div>
      </div>
      <p className="muted">
        {member.email} · member since {formatDate(member.createdAt)}
      </p>

      <h2>Subscriptions</h2>
      {subscriptions.length === 0 ? (
        <p className="empty">A free account: no paid subscription.</p>
      ) : (
        <table className="list">
          <caption className="visually-hidden">Subscriptions</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Status</th>
              <th scope="col">Renews or ends</th>
              <th scope="col">Print issues left</th>
              <th scope="col">Gift from</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.plan.name}{' '}
                  <span className="muted">
                    · {tierLabels[s.plan.tier]}, {billingLabels[s.billing]}
                  </span>
                </th>
                <td>
                  <span className={`badge badge-${s.status}`}>{statusLabels[s.status]}</span>
                  {s.trialEndsAt && <span className="muted"> · free trial until {formatDate(s.trialEndsAt)}</span>}
                  {s.cancelAtPeriodEnd && <span className="muted"> · ends at period end</span>}
                  {s.status === 'past_due' && s.graceUntil && <span className="muted"> · grace until {formatDate(s.graceUntil)}</span>}
                </td>
                <td>{s.currentPeriodEnd ? formatDate(s.currentPeriodEnd) : '—'}</td>
                <td>{s.plan.tier === 'print' ? s.issuesRemaining : '—'}</td>
                <td>{s.buyer ? <Link to={`/members/${s.buyer.id}`}>{s.buyer.email}</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Shipping address</h2>
      {address ? (
        <address className="card">
          {address.name}
          <br />
          {address.line1}
          <br />
          {address.line2 && (
            <>
              {address.line2}
              <br />
            </>
          )}
          {address.city}
          {address.region && `, ${address.region}`} {address.postcode}
          <br />
          {countryName(address.country)}
        </address>
      ) : (
        <p className="empty">No address given.</p>
      )}

      {giftsGiven.length > 0 && (
        <>
          <h2>Gifts given</h2>
          <ul>
            {giftsGiven.map((g) => (
              <li key={g.id}>
                {g.plan.name} for <Link to={`/members/${g.recipient.id}`}>{g.recipient.email}</Link>{' '}
                <span className="muted">
                  · {statusLabels[g.status]}
                  {g.currentPeriodEnd && `, until ${formatDate(g.currentPeriodEnd)}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Recent checkouts</h2>
      <p className="hint">Purchases started on the site; invoices and card payments are in the Stripe dashboard.</p>
      {checkouts.length === 0 ? (
        <p className="empty">No checkouts.</p>
      ) : (
        <table className="list">
          <caption className="visually-hidden">Recent checkouts</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Plan</th>
              <th scope="col">Billing</th>
              <th scope="col">Status</th>
              <th scope="col">Gift for</th>
            </tr>
          </thead>
          <tbody>
            {checkouts.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.createdAt)}</td>
                <td>{plans.get(c.planId)?.name ?? `#${c.planId}`}</td>
                <td>{billingLabels[c.billing]}</td>
                <td>{c.status === 'completed' ? 'Paid' : 'Not completed'}</td>
                <td>{c.giftRecipient ? `${c.giftRecipient.name} <${c.giftRecipient.email}>` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {erasing && (
        <ConfirmDialog title={`Erase ${member.email}?`} confirm="Erase for good" danger onConfirm={() => void erase(member)} onCancel={() => setErasing(false)}>
          <p>
            Their account, address, follows, settings, sessions and payment records here are deleted, and so are their comments waiting for moderation. Their shown comments stay, signed “A former member”, so replies to
            them still make sense. A subscription Stripe still bills must be cancelled first. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
