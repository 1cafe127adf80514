import type { Clock } from '../clock.js';
import type { PostService } from '../content/index.js';
import type { Db } from '../db/client.js';
import type { PostScope } from '../staff/index.js';
import { publishedSince, topPosts } from './view.repository.js';

const DAY = 24 * 60 * 60 * 1000;

export interface Dashboard {
  /** One entry per week (weeks start on Monday, UTC), oldest first, with pieces published per section. */
  publishedPerWeek: Array<{ weekStart: string; total: number; bySection: Record<string, number> }>;
  /** Most viewed pieces over the last `days` days (cookieless counts), of those the viewer sees. */
  topPosts: Array<{ id: number; title: string; slug: string; views: number }>;
  viewsSince: string;
}

function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

/** Figures for the admin dashboard. */
export class DashboardService {
  constructor(private readonly deps: { db: Db; clock: Clock; posts: PostService }) {}

  async summary(options: { weeks: number; days: number; top: number }, scope: PostScope): Promise<Dashboard> {
    const now = this.deps.clock();
    const firstWeek = new Date(mondayOf(now).getTime() - (options.weeks - 1) * 7 * DAY);
    const weeks = Array.from({ length: options.weeks }, (_, i) => ({
      weekStart: new Date(firstWeek.getTime() + i * 7 * DAY).toISOString().slice(0, 10),
      total: 0,
      bySection: {} as Record<string, number>,
    }));
    for (const piece of await publishedSince(this.deps.db, firstWeek.toISOString())) {
      const week = weeks[Math.floor((new Date(piece.publishedAt).getTime() - firstWeek.getTime()) / (7 * DAY))];
      if (!week) continue;
      const section = piece.section ?? '(none)';
      week.total += 1;
      week.bySection[section] = (week.bySection[section] ?? 0) + 1;
    }
    const viewsSince = new Date(now.getTime() - (options.days - 1) * DAY).toISOString().slice(0, 10);
    const top = await topPosts(this.deps.db, viewsSince, options.top, scope);
    const posts = new Map((await this.deps.posts.load(top.map((t) => t.postId))).map((p) => [p.id, p]));
    return {
      publishedPerWeek: weeks,
      topPosts: top.flatMap((t) => {
        const post = posts.get(t.postId);
        return post ? [{ id: post.id, title: post.title, slug: post.slug, views: t.views }] : [];
      }),
      viewsSince,
    };
  }
}
