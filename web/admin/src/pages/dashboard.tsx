import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/client';
import { listPosts } from '../api/posts';
import { getDashboard, type DashboardStats } from '../api/stats';
import type { Post } from '../api/types';
import { HorizontalBars, LineChart, StackedBarChart, type StackedSeries } from '../components/charts';
import { Link } from '../router';
import { useStaff } from '../session-context';
import { formatDate } from './format';

const WEEKS = 12;

/** Groups weekly counts into one series per section over the last twelve weeks. */
export function weeklySeries(rows: DashboardStats['publishedPerWeek'], today = new Date()): StackedSeries {
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const weeks = Array.from({ length: WEEKS }, (_, i) => new Date(monday.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
  const sections = [...new Set(rows.map((r) => r.section))].sort();
  return {
    labels: weeks.map((w) => w.slice(5)),
    series: sections.map((section) => ({
      name: section,
      values: weeks.map((week) => rows.filter((r) => r.section === section && r.week.slice(0, 10) === week).reduce((s, r) => s + r.count, 0)),
    })),
  };
}

export function DashboardPage() {
  const staff = useStaff();
  const [stats, setStats] = useState<DashboardStats | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Post[]>([]);
  const [scheduled, setScheduled] = useState<Post[]>([]);

  useEffect(() => {
    getDashboard().then(setStats, (err: unknown) =>
      setStatsError(err instanceof ApiError && err.status === 404 ? 'Statistics are not available on this server yet.' : describeError(err)),
    );
    listPosts({ type: 'post', status: 'draft' }).then((r) => setDrafts(r.posts.slice(0, 5)), () => setDrafts([]));
    listPosts({ type: 'post', status: 'scheduled' }).then((r) => setScheduled(r.posts.slice(0, 5)), () => setScheduled([]));
  }, []);

  return (
    <section>
      <h1>Welcome, {staff.name}</h1>
      <div className="cards">
        <PostCard title="Your latest drafts" posts={drafts} empty="No drafts. Time to write something." />
        <PostCard title="Coming up" posts={scheduled} empty="Nothing is scheduled." showDate />
      </div>
      {statsError && <p className="note">{statsError}</p>}
      {stats && (
        <div className="charts">
          <StackedBarChart title="Pieces published per week, by section" data={weeklySeries(stats.publishedPerWeek)} />
          {stats.topPosts.length > 0
            ? <HorizontalBars title="Most read pieces (last 30 days)" unit="views" rows={stats.topPosts.map((p) => ({ label: p.title, value: p.views }))} />
            : <p className="empty">No views counted yet.</p>}
          {stats.subscribers && stats.subscribers.length > 0 && (
            <LineChart title="Newsletter subscribers" points={stats.subscribers.map((s) => ({ label: s.date, value: s.count }))} />
          )}
        </div>
      )}
    </section>
  );
}

function PostCard({ title, posts, empty, showDate }: { title: string; posts: Post[]; empty: string; showDate?: boolean }) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {posts.length === 0 ? <p className="empty">{empty}</p> : (
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
