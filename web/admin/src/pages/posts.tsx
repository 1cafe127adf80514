import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../api/client';
import { bulkAction, PAGE_SIZE, postList, type BulkAction, type PostFilter } from '../api/posts';
import { siteZone } from '../api/settings';
import { authorList, tagList } from '../api/taxonomy';
import { postFormats, type Post, type PostFormat, type PostStatus } from '../api/types';
import { announce } from '../components/announcer';
import { CursorPager, useCursorPages } from '../components/cursor-pager';
import { SelectField, TextField } from '../components/field';
import { Link, navigate } from '../router';
import { atLeast, useStaff } from '../session-context';
import { formatInZone } from '../zoned-time';
import { formatDate } from './format';

const bulkLabels: Partial<Record<BulkAction, string>> = { publish: 'Publish', unpublish: 'Unpublish', delete: 'Delete' };

interface ItemResult {
  id: number;
  title: string;
  ok: boolean;
  message: string;
}

export function PostsPage({ type }: { type: 'post' | 'page' }) {
  const staff = useStaff();
  const noun = type === 'post' ? 'Posts' : 'Pages';
  const [filter, setFilter] = useState<PostFilter>({ type });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [action, setAction] = useState<BulkAction>('publish');
  const [results, setResults] = useState<ItemResult[] | null>(null);
  const pages = useCursorPages(() => setSelected(new Set()));
  // Only the answer for the current filter and page shows: a request for an earlier one is aborted.
  const listed = useQuery({ ...postList({ ...filter, after: pages.after }), placeholderData: keepPreviousData });
  const list = listed.data;
  const error = listed.error ? describeError(listed.error) : null;
  const tags = useQuery(tagList).data ?? [];
  const authors = useQuery(authorList).data ?? [];

  const set = (patch: Partial<PostFilter>) => {
    setSelected(new Set());
    pages.restart();
    setFilter((f) => ({ ...f, ...patch }));
  };
  const posts = list?.posts ?? [];
  const allSelected = posts.length > 0 && posts.every((p) => selected.has(p.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const runBulk = async () => {
    const titles = new Map(posts.map((p) => [p.id, p.title]));
    let outcome: ItemResult[];
    try {
      outcome = (await bulkAction(action, [...selected])).map((r) => ({
        id: r.id,
        title: titles.get(r.id) ?? `#${r.id}`,
        ok: r.ok,
        message: r.ok ? 'done' : (r.error?.message ?? 'failed'),
      }));
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
      return;
    }
    setResults(outcome);
    setSelected(new Set());
    const failed = outcome.filter((r) => !r.ok).length;
    announce(`${bulkLabels[action]}: ${outcome.length - failed} done, ${failed} failed.`, { tone: failed ? 'error' : 'info' });
  };

  return (
    <section>
      <div className="page-head">
        <h1>{noun}</h1>
        <button type="button" className="primary" onClick={() => navigate(`/${type}s/new`)}>
          New {type}
        </button>
      </div>
      <form
        className="filters"
        role="search"
        aria-label={`Filter ${noun.toLowerCase()}`}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: search });
        }}
      >
        <TextField label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Status" value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value as PostStatus | '' })}>
          <option value="">Any</option>
          <option value="draft">Draft</option>
          <option value="scheduled">Scheduled</option>
          <option value="published">Published</option>
          <option value="archived">Archived</option>
        </SelectField>
        {type === 'post' && (
          <>
            <SelectField label="Section" value={filter.section ?? ''} onChange={(e) => set({ section: e.target.value })}>
              <option value="">Any</option>
              {tags
                .filter((t) => t.isSection)
                .map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
            </SelectField>
            <SelectField label="Format" value={filter.format ?? ''} onChange={(e) => set({ format: e.target.value as PostFormat | '' })}>
              <option value="">Any</option>
              {Object.entries(postFormats).map(([value, f]) => (
                <option key={value} value={value}>
                  {f.label}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField label="Author" value={filter.author ?? ''} onChange={(e) => set({ author: e.target.value })}>
          <option value="">Anyone</option>
          {authors.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
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

      {atLeast(staff.role, 'author') && (
        <div className="bulk" aria-label="Bulk actions" role="group">
          <SelectField label={`With ${selected.size} selected`} value={action} onChange={(e) => setAction(e.target.value as BulkAction)}>
            {Object.entries(bulkLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <button type="button" disabled={selected.size === 0} onClick={() => void runBulk()}>
            Apply
          </button>
        </div>
      )}

      {results && (
        <div className="bulk-results" role="region" aria-label="Bulk action results">
          <h2>Results</h2>
          <ul>
            {results.map((r) => (
              <li key={r.id} className={r.ok ? 'ok' : 'failed'}>
                <strong>{r.title}</strong>: {r.ok ? 'done' : r.message}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setResults(null)}>
            Dismiss
          </button>
        </div>
      )}

      {list && posts.length === 0 && <p className="empty">No {noun.toLowerCase()} match these filters.</p>}
      {posts.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">{noun}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(posts.map((p) => p.id)))} />
              </th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              {type === 'post' && <th scope="col">Section</th>}
              <th scope="col">Authors</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
              <PostRow key={post.id} post={post} type={type} checked={selected.has(post.id)} onToggle={() => toggle(post.id)} />
            ))}
          </tbody>
        </table>
      )}
      {list && <CursorPager label={`Pages of ${noun.toLowerCase()}`} pages={pages} pageSize={PAGE_SIZE} shown={posts.length} total={list.page.total} next={list.page.next} waiting={listed.isPlaceholderData} />}
    </section>
  );
}

function PostRow({ post, type, checked, onToggle }: { post: Post; type: 'post' | 'page'; checked: boolean; onToggle: () => void }) {
  const zone = useQuery(siteZone).data;
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={`Select ${post.title}`} checked={checked} onChange={onToggle} />
      </td>
      <td>
        <Link to={`/${type}s/${post.id}`}>{post.title}</Link>
        {type === 'post' && <span className="muted"> · {postFormats[post.format].label}</span>}
      </td>
      <td>
        <span className={`badge badge-${post.status}`}>{post.status}</span>
        {post.status === 'scheduled' && post.publishedAt && zone && <span className="muted"> {formatInZone(post.publishedAt, zone)}</span>}
      </td>
      {type === 'post' && <td>{post.primaryTag?.name ?? '—'}</td>}
      <td>{post.authors.map((a) => a.name).join(', ')}</td>
      <td>{formatDate(post.updatedAt)}</td>
    </tr>
  );
}
