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

/** Weekly counts by section worked out from the published posts themselves. */
export function countPublished(posts: Post[]): DashboardStats['publishedPerWeek'] {
  const counts = new Map<string, { week: string; section: string; count: number }>();
  for (const post of posts) {
    if (!post.publishedAt) continue;
    const day = new Date(post.publishedAt);
    const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
    const week = monday.toISOString().slice(0, 10);
    const section = post.primaryTag?.name ?? 'No section';
    const entry = counts.get(`${week}|${section}`) ?? { week, section, count: 0 };
    entry.count += 1;
    counts.set(`${week}|${section}`, entry);
  }
  return [...counts.values()];
}

/** Without the statistics endpoint, the publishing chart still works from the post list. */
async function loadStats(): Promise<{ stats: DashboardStats; views: boolean }> {
  try {
    return { stats: await getDashboard(), views: true };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const { posts } = await listPosts({ type: 'post', status: 'published', limit: 100 });
    return { stats: { publishedPerWeek: countPublished(posts), topPosts: [] }, views: false };
  }
}

export function DashboardPage() {
  const staff = useStaff();
  const [stats, setStats] = useState<{ stats: DashboardStats; views: boolean } | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Post[]>([]);
  const [scheduled, setScheduled] = useState<Post[]>([]);

  useEffect(() => {
    loadStats().then(setStats, (err: unknown) => setStatsError(describeError(err)));
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
      {statsError && <p className="form-error" role="alert">{statsError}</p>}
      {stats && (
        <div className="charts">
          <StackedBarChart title="Pieces published per week, by section" data={weeklySeries(stats.stats.publishedPerWeek)} />
          {stats.stats.topPosts.length > 0 ? (
            <HorizontalBars title="Most read pieces (last 30 days)" unit="views" rows={stats.stats.topPosts.map((p) => ({ label: p.title, value: p.views }))} />
          ) : (
            <p className="note">{stats.views ? 'No views counted yet.' : 'Reading figures appear here once this server counts views.'}</p>
          )}
          {stats.stats.subscribers && stats.stats.subscribers.length > 0 && (
            <LineChart title="Newsletter subscribers" points={stats.stats.subscribers.map((s) => ({ label: s.date, value: s.count }))} />
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
