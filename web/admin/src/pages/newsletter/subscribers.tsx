import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client';
import { eraseSubscriber, exportSubscriber, exportUrl, newsletterList, subscriberList, subscriberStatuses, type Subscriber, type SubscriberFilter, type SubscriberStatus } from '../../api/newsletter';
import { announce } from '../../components/announcer';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { SelectField, TextField } from '../../components/field';
import { formatDate } from '../format';
import { ConfirmDialog } from './confirm-dialog';
import { ImportForm } from './subscriber-import';

const PAGE = 25;

/** Subscribers: search, filter, pages; CSV import and export; one person's data export and erasure. */
export function SubscribersPage() {
  const [filter, setFilter] = useState<SubscriberFilter>({ limit: PAGE });
  const [search, setSearch] = useState('');
  const [erasing, setErasing] = useState<Subscriber | null>(null);
  const pages = useCursorPages();
  // Only the answer for the current filter and page shows: a request for an earlier one is aborted.
  const listed = useQuery({ ...subscriberList({ ...filter, after: pages.after }), placeholderData: keepPreviousData });
  const list = listed.data;
  const error = listed.error ? describeError(listed.error) : null;
  const newsletters = useQuery(newsletterList).data ?? [];
  const set = (patch: Partial<SubscriberFilter>) => {
    pages.restart();
    setFilter((f) => ({ ...f, ...patch }));
  };

  const download = async (subscriber: Subscriber) => {
    try {
      const data = await exportSubscriber(subscriber.email);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `subscriber-${subscriber.email}.json`;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  const erase = async (subscriber: Subscriber) => {
    setErasing(null);
    try {
      await eraseSubscriber(subscriber.email);
      announce(`Erased ${subscriber.email}.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Subscribers</h1>
        <a className="button" href={exportUrl} download>
          Export all as CSV
        </a>
      </div>
      <ImportForm newsletters={newsletters} />
      <form
        className="filters"
        role="search"
        aria-label="Filter subscribers"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: search });
        }}
      >
        <TextField label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} hint="Address or name" />
        <SelectField label="Status" value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value as SubscriberStatus | '' })}>
          <option value="">Any</option>
          {subscriberStatuses.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Newsletter" value={filter.newsletter ?? ''} onChange={(e) => set({ newsletter: e.target.value })}>
          <option value="">Any</option>
          {newsletters.map((n) => (
            <option key={n.slug} value={n.slug}>
              {n.name}
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
      {list && list.subscribers.length === 0 && <p className="empty">No subscribers match these filters.</p>}
      {list && list.subscribers.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Subscribers, {list.total} in all</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Newsletters</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.subscribers.map((s) => (
              <tr key={s.id}>
                <td>{s.email}</td>
                <td>{s.name || <span className="muted">—</span>}</td>
                <td>
                  <span className={`badge badge-${s.status}`}>{s.status}</span>
                </td>
                <td>{s.newsletters.map((slug) => newsletters.find((n) => n.slug === slug)?.name ?? slug).join(', ') || <span className="muted">—</span>}</td>
                <td>{formatDate(s.confirmedAt ?? s.createdAt)}</td>
                <td className="actions">
                  <button type="button" onClick={() => void download(s)} aria-label={`Export data of ${s.email}`}>
                    Export data
                  </button>
                  <button type="button" className="danger" onClick={() => setErasing(s)} aria-label={`Erase ${s.email}`}>
                    Erase
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && (
        <CursorPager
          label="Pages of subscribers"
          pages={pages}
          pageSize={PAGE}
          shown={list.subscribers.length}
          total={list.total}
          totalEstimated={list.totalEstimated}
          next={list.next}
          waiting={listed.isPlaceholderData}
        />
      )}
      {erasing && (
        <ConfirmDialog title={`Erase ${erasing.email}?`} confirm="Erase for good" danger onConfirm={() => void erase(erasing)} onCancel={() => setErasing(null)}>
          <p>
            Their record and newsletter choices are deleted and their past deliveries lose the address. The address is kept only as a hash on the suppression list, so no import can add it back. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
