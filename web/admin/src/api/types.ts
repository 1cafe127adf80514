/**
 * The shapes the admin API sends and accepts, taken from its OpenAPI document
 * (/admin/api/openapi.json, written to schema.d.ts by `npm run api:types`): nothing of the
 * server's source is imported. The labels of formats, kinds of work and credit roles are the
 * app's own words, keyed by the values the document allows so none can be missing.
 */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Success<O> = O extends { responses: { 200: { content: { 'application/json': infer J } } } } ? J : O extends { responses: { 201: { content: { 'application/json': infer J } } } } ? J : never;
/** What an endpoint of the admin API answers when it succeeds, as its OpenAPI document says. */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = Success<paths[P][M]>;

/** Every value of a union, once: leaving one out is a type error. */
export const everyOf =
  <T extends string>() =>
  <const V extends readonly T[]>(...values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> })): V =>
    values;

/** A post or page as the admin API answers it. */
export type Post = Answer<'/admin/api/posts/{id}', 'get'>['post'];
export type PostFormat = Post['format'];
export type PostStatus = Post['status'];
export type Visibility = Post['visibility'];
export type FeatureImage = NonNullable<Post['featureImage']>;
export type Tag = Answer<'/admin/api/tags', 'get'>['tags'][number];
export type Author = Answer<'/admin/api/authors', 'get'>['authors'][number];
export type Work = Answer<'/admin/api/works', 'get'>['works'][number];
export type WorkType = Work['type'];
export type Review = NonNullable<Post['review']>;
export type CreditRole = Work['credits'][number]['role'];
export type PersonSummary = Answer<'/admin/api/people', 'get'>['people'][number];
export type PieceRole = Post['people'][number]['role'];
export type MediaItem = Answer<'/admin/api/media', 'get'>['media'][number];
export type Revision = Answer<'/admin/api/posts/{id}/revisions', 'get'>['revisions'][number];
export type SiteSettings = Answer<'/admin/api/settings', 'get'>['settings'];
export type StaffUser = Answer<'/admin/api/staff', 'get'>['staff'][number];
export type StaffRole = StaffUser['role'];

/** Lowest to highest: each role may do what the ones before it may. */
export const staffRoles = everyOf<StaffRole>()('contributor', 'author', 'editor', 'administrator');

export const postFormats: Record<PostFormat, { label: string }> = {
  article: { label: 'Article' },
  review: { label: 'Review' },
  interview: { label: 'Interview' },
  news: { label: 'News' },
  list: { label: 'List' },
  essay: { label: 'Essay' },
};

/** What the review form calls a kind of work, its maker and its date. */
export const workTypes: Record<WorkType, { label: string; organization: string; date: string }> = {
  movie: { label: 'Movie', organization: 'Studio', date: 'Release date' },
  tv_series: { label: 'TV series', organization: 'Network', date: 'Premiere' },
  book: { label: 'Book', organization: 'Publisher', date: 'Published' },
  music_album: { label: 'Album', organization: 'Label', date: 'Released' },
  concert: { label: 'Concert', organization: 'Venue', date: 'Date' },
  live_event: { label: 'Live event', organization: 'Venue', date: 'Date' },
  theatre: { label: 'Theatre', organization: 'Venue', date: 'Opening night' },
};

/** How a piece names a person other than through a reviewed work. */
export const pieceRoles: Record<PieceRole, string> = {
  interviewee: 'Interviewee',
};

export const creditRoles: Record<CreditRole, string> = {
  director: 'Director',
  screenwriter: 'Screenwriter',
  author: 'Author',
  creator: 'Creator',
  cast: 'Cast',
  performer: 'Performer',
  composer: 'Music',
  producer: 'Producer',
  cinematographer: 'Cinematography',
  translator: 'Translator',
  host: 'Host',
};

type Json<B> = B extends { content: { 'application/json': infer J } } ? J : never;
/** What an endpoint of the admin API accepts as its JSON body, as its OpenAPI document says. */
export type Body<P extends keyof paths, M extends Method & keyof paths[P]> = Json<NonNullable<paths[P][M] extends { requestBody?: infer B } ? B : never>>;

/**
 * What the editor sends when it saves a post: the document's input fields without the status and
 * publication time (those change through publish and schedule). Authors left out keep the current
 * byline (or, for a new post by a writer, theirs).
 */
export type PostInput = Omit<Body<'/admin/api/posts', 'post'>, 'status' | 'publishedAt' | 'authors'> & { authors?: string[] };
type ReviewInput = NonNullable<PostInput['review']>;
/** A work described in full, as a review may carry it (rather than by the slug of one in the library). */
export type WorkInput = Exclude<ReviewInput['work'], { slug: string; title?: never }>;

export type NavigationItem = SiteSettings['navigation'][number];
