import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeError } from '../api/client';
import { postList } from '../api/posts';
import { dashboardStats, type DashboardStats } from '../api/stats';
import type { Post } from '../api/types';
import { tagList } from '../api/taxonomy';
import { HorizontalBars, StackedBarChart, type StackedSeries } from '../components/charts';
import { SendEngagement } from './newsletter/send-engagement';
import { SubscriberGrowth } from './newsletter/subscriber-growth';
import { FollowerCounts } from './follower-counts';
import { Link } from '../router';
import { atLeast, useStaff } from '../session-context';
import { formatDate, formatDay } from './format';

/** One series per section over the weeks the server counted, named as the sections are. */
export function weeklySeries(weeks: DashboardStats['publishedPerWeek'], names: Map<string, string>): StackedSeries {
  const sections = [...new Set(weeks.flatMap((w) => Object.keys(w.bySection)))].sort();
  return {
    labels: weeks.map((w) => w.weekStart.slice(5)),
    series: sections.map((slug) => ({
      name: names.get(slug) ?? (slug === '(none)' ? 'No section' : slug),
      values: weeks.map((w) => w.bySection[slug] ?? 0),
    })),
  };
}

export function DashboardPage() {
  const staff = useStaff();
  const statsQuery = useQuery(dashboardStats);
  const stats = statsQuery.data;
  const statsError = statsQuery.error ? describeError(statsQuery.error) : null;
  const tags = useQuery(tagList).data;
  const sections = useMemo(() => new Map((tags ?? []).map((t) => [t.slug, t.name])), [tags]);
  const drafts = useQuery(postList({ type: 'post', status: 'draft' })).data?.posts.slice(0, 5) ?? [];
  const scheduled = useQuery(postList({ type: 'post', status: 'scheduled' })).data?.posts.slice(0, 5) ?? [];

  return (
    <section>
      <h1>Welcome, {staff.name}</h1>
      <div className="cards">
        <PostCard title="Your latest drafts" posts={drafts} empty="No drafts. Time to write something." />
        <PostCard title="Coming up" posts={scheduled} empty="Nothing is scheduled." showDate />
      </div>
      {statsError && (
        <p className="form-error" role="alert">
          {statsError}
        </p>
      )}
      {stats && (
        <div className="charts">
          <StackedBarChart title="Pieces published per week, by section" data={weeklySeries(stats.publishedPerWeek, sections)} />
          {stats.topPosts.length > 0 ? (
            <HorizontalBars title={`Most read pieces since ${formatDay(stats.viewsSince)}`} unit={{ one: 'view', many: 'views' }} rows={stats.topPosts.map((p) => ({ label: p.title, value: p.views }))} />
          ) : (
            <p className="note">No views counted since {formatDay(stats.viewsSince)}.</p>
          )}
          {atLeast(staff.role, 'editor') && <SubscriberGrowth />}
          {atLeast(staff.role, 'editor') && <FollowerCounts />}
          {atLeast(staff.role, 'editor') && <SendEngagement />}
        </div>
      )}
    </section>
  );
}

function PostCard({ title, posts, empty, showDate }: { title: string; posts: Post[]; empty: string; showDate?: boolean }) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {posts.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul>
          {posts.map((p) => (
            <li key={p.id}>
              <Link to={`/${p.type}s/${p.id}`}>{p.title}</Link>
              {showDate && p.publishedAt && <span className="muted"> · {formatDate(p.publishedAt)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
