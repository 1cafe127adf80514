import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client';
import { MEMBERS_PAGE, memberList, planList, subscriptionStatuses, type MemberFilter, type Subscription, type SubscriptionStatus } from '../../api/members';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { SelectField, TextField } from '../../components/field';
import { Link } from '../../router';
import { formatDate } from '../format';

export const statusLabels: Record<SubscriptionStatus, string> = {
  active: 'Active',
  past_due: 'Payment failed (grace)',
  lapsed: 'Lapsed',
  canceled: 'Cancelled',
  expired: 'Expired gift',
};

/** The subscription that says most about a member: an active one first, else the newest. */
export function mainSubscription(subscriptions: Subscription[]): Subscription | undefined {
  return subscriptions.find((s) => s.status === 'active' || s.status === 'past_due') ?? subscriptions[0];
}

export function MembersPage() {
  const [filter, setFilter] = useState<MemberFilter>({});
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  // Only the answer for the current filter and page shows: a request for an earlier one is aborted.
  const listed = useQuery({ ...memberList({ ...filter, after: pages.after }), placeholderData: keepPreviousData });
  const list = listed.data;
  const error = listed.error ? describeError(listed.error) : null;
  const plans = useQuery(planList).data ?? [];

  const set = (patch: Partial<MemberFilter>) => {
    pages.restart();
    setFilter((f) => ({ ...f, ...patch }));
  };
  return (
    <section>
      <h1>Members</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter members"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: search });
        }}
      >
        <TextField label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} hint="Part of an email address or name." />
        <SelectField label="Plan" value={filter.plan ?? ''} onChange={(e) => set({ plan: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">Any</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Subscription status" value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value as SubscriptionStatus | '' })}>
          <option value="">Any</option>
          {subscriptionStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </SelectField>
        <button type="submit">Search</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {list && (
        <p className="muted" role="status">
          {list.total === 1 ? '1 member' : `${list.total.toLocaleString()} members`}
        </p>
      )}
      {list && list.members.length === 0 && <p className="empty">No members match these filters.</p>}
      {list && list.members.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Members, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Plan</th>
              <th scope="col">Status</th>
              <th scope="col">Renews or ends</th>
              <th scope="col">Print issues left</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {list.members.map((m) => {
              const s = mainSubscription(m.subscriptions);
              return (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/members/${m.id}`}>{m.email}</Link>
                    {m.name && <span className="muted"> · {m.name}</span>}
                  </th>
                  <td>{s ? `${s.plan.name}${s.billing === 'gift' ? ' (gift)' : ''}` : <span className="muted">Free account</span>}</td>
                  <td>
                    {s ? <span className={`badge badge-${s.status}`}>{statusLabels[s.status]}</span> : '—'}
                    {s?.trialEndsAt && <span className="muted"> · free trial</span>}
                  </td>
                  <td>{s?.currentPeriodEnd ? formatDate(s.currentPeriodEnd) : '—'}</td>
                  <td>{s && s.plan.tier === 'print' ? s.issuesRemaining : '—'}</td>
                  <td>{formatDate(m.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list && (
        <CursorPager
          label="Pages of members"
          pages={pages}
          pageSize={MEMBERS_PAGE}
          shown={list.members.length}
          total={list.total}
          totalEstimated={list.totalEstimated}
          next={list.next}
          waiting={listed.isPlaceholderData}
        />
      )}
    </section>
  );
}
