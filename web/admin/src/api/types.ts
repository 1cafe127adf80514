/**
 * The shapes the admin API sends and accepts (documented at /admin/api/openapi.json). Records
 * the server answers with are the domain's own types, imported type-only (nothing of the server
 * is bundled); the lists of formats, kinds of work and credit roles come from the same files.
 */
export type { StaffRole, StaffUser } from '../../../../src/staff/user.types';
export { staffRoles } from '../../../../src/staff/user.types';
export type { PostFormat, PostStatus, Visibility, FeatureImage } from '../../../../src/content/post.types';
export { postFormats } from '../../../../src/content/post.types';
export type { Tag, Author } from '../../../../src/content/taxonomy.types';
export type { WorkType, CreditRole, PersonSummary, Work, Review } from '../../../../src/reviews/work.types';
export { workTypes, creditRoles } from '../../../../src/reviews/work.types';
export type { MediaItem } from '../../../../src/media/media.types';
export type { RevisionRow as Revision } from '../../../../src/editorial/revision.repository';
export type { SiteSettings } from '../../../../src/settings/settings.schema';
import type { SiteSettings } from '../../../../src/settings/settings.schema';
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Success<O> = O extends { responses: { 200: { content: { 'application/json': infer J } } } }
  ? J
  : O extends { responses: { 201: { content: { 'application/json': infer J } } } }
    ? J
    : never;
/** What an endpoint of the admin API answers when it succeeds, as its OpenAPI document says. */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = Success<paths[P][M]>;
import type { CreditRole, WorkType } from '../../../../src/reviews/work.types';
import type { PostFormat, Visibility } from '../../../../src/content/post.types';

/** What the editor sends: the post's input fields (tags and authors by slug). */
export interface CreditInput {
  name: string;
  slug?: string;
  role: CreditRole;
  character?: string;
}

export interface WorkInput {
  type: WorkType;
  title: string;
  slug?: string;
  year?: number;
  organization?: string;
  releaseDate?: string;
  runtimeMinutes?: number;
  availability: Array<{ label: string; url?: string }>;
  credits: CreditInput[];
}

export interface PostInput {
  type?: 'post' | 'page';
  title: string;
  slug?: string;
  excerpt: string;
  body: string;
  bodyFormat: 'html';
  format: PostFormat;
  visibility: Visibility;
  featured: boolean;
  tags: string[];
  /** Left out, the server keeps the current byline (or, for a new post by a writer, uses theirs). */
  authors?: string[];
  featureImage?: { url: string; alt: string; caption?: string; credit?: string };
  seoTitle?: string;
  seoDescription?: string;
  canonicalUrl?: string;
  contentNotes: string[];
  review?: { work: WorkInput | { slug: string }; rating?: { value: number; scale: number }; verdict?: string };
}

export type NavigationItem = SiteSettings['navigation'][number];

/** A post or page as the admin API answers it. */
export type Post = Answer<'/admin/api/posts/{id}', 'get'>['post'];
