import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import * as repo from './catalogue.repository.js';
import { loadWorks } from './work.repository.js';
import type { CreditRole, PersonSummary, PieceRole, Rating, Work, WorkType } from './work.types.js';

export interface ReviewSummary {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
}

export interface PublicWork extends Work {
  reviews: ReviewSummary[];
}

export interface PersonCredit {
  work: { id: number; slug: string; title: string; type: WorkType; year: number | null };
  role: CreditRole;
  character: string | null;
}

/** A published piece that names a person, and as what (an interview and its subject). */
export interface PersonMention {
  post: ReviewSummary;
  role: PieceRole;
}

/** A public person: their credits in reviewed works and the published pieces that name them. */
export type PublicPerson = PersonSummary & { credits: PersonCredit[]; namedIn: PersonMention[] };

/**
 * The public catalogue of reviewed works and the people credited in them. Only works with a
 * published review appear, so a draft review never reveals what it is about.
 */
export class ReviewCatalogue {
  constructor(private readonly deps: { db: Db }) {}

  async works(query: { type?: WorkType; limit: number; offset: number }): Promise<{ works: PublicWork[]; total: number }> {
    const [ids, total] = await Promise.all([repo.listReviewedWorkIds(this.deps.db, query), repo.countReviewedWorks(this.deps.db, query)]);
    return { works: await this.withReviews(ids), total };
  }

  async work(slug: string): Promise<PublicWork> {
    const id = await repo.findReviewedWorkId(this.deps.db, slug);
    if (id === undefined) throw new AppError('WORK_NOT_FOUND', `No reviewed work has the slug "${slug}".`);
    return (await this.withReviews([id]))[0]!;
  }

  async people(page: { limit: number; offset: number }): Promise<{ people: PersonSummary[]; total: number }> {
    const [people, total] = await Promise.all([repo.listCreditedPeople(this.deps.db, page), repo.countCreditedPeople(this.deps.db)]);
    return { people, total };
  }

  /**
   * One person with a page of their credits and a page of the pieces that name them (the same
   * page of each list), and how many of each there are in all.
   */
  async person(slug: string, page: { limit: number; offset: number }): Promise<{ person: PublicPerson; totals: { credits: number; namedIn: number } }> {
    const person = await this.find(slug);
    const { db } = this.deps;
    const [credits, namedIn, creditCount, namedCount] = await Promise.all([
      repo.creditsOf(db, person.id, page),
      repo.namingPiecesOf(db, person.id, page),
      repo.countCredits(db, person.id),
      repo.countNamingPieces(db, person.id),
    ]);
    return { person: { ...person, credits, namedIn }, totals: { credits: creditCount, namedIn: namedCount } };
  }

  /** One person with the ids of the reviewed works that credit them, however many. */
  async personWithWorks(slug: string): Promise<PersonSummary & { workIds: number[] }> {
    const person = await this.find(slug);
    return { ...person, workIds: await repo.creditedWorkIds(this.deps.db, person.id) };
  }

  /** The ratings every published review of a work gives it. */
  ratings(workId: number): Promise<Rating[]> {
    return repo.publishedRatings(this.deps.db, workId);
  }

  private async find(slug: string): Promise<PersonSummary> {
    const person = await repo.findCreditedPerson(this.deps.db, slug);
    if (!person) throw new AppError('PERSON_NOT_FOUND', `No credited person has the slug "${slug}".`);
    return person;
  }

  private async withReviews(ids: number[]): Promise<PublicWork[]> {
    const [works, reviews] = await Promise.all([loadWorks(this.deps.db, ids), repo.publishedReviews(this.deps.db, ids)]);
    return ids.map((id) => ({
      ...works.get(id)!,
      reviews: reviews.filter((r) => r.work_id === id).map((r) => ({ id: r.id, slug: r.slug, title: r.title, publishedAt: r.published_at! })),
    }));
  }
}
