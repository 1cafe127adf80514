import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The database as Kysely sees it. Timestamps are ISO-8601 UTC text; flags are 0/1. */
export interface Database {
  settings: SettingsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  people: PeopleTable;
  works: WorksTable;
  work_credits: WorkCreditsTable;
  posts: PostsTable;
  post_tags: PostTagsTable;
  post_authors: PostAuthorsTable;
  slug_redirects: SlugRedirectsTable;
  jobs: JobsTable;
  users: UsersTable;
  staff_sessions: StaffSessionsTable;
  staff_tokens: StaffTokensTable;
  api_keys: ApiKeysTable;
  sign_in_failures: SignInFailuresTable;
  staff_setup: StaffSetupTable;
  post_revisions: PostRevisionsTable;
  trashed_posts: TrashedPostsTable;
  media: MediaTable;
  site_cache_changes: SiteCacheChangesTable;
  post_recommendations: PostRecommendationsTable;
  recommendation_marks: RecommendationMarksTable;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: Generated<string>;
  photo_url: string | null;
  website: string | null;
  links: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  accent_color: string | null;
  is_section: Generated<number>;
  nav_order: number | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface WorksTable {
  id: Generated<number>;
  slug: string;
  type: string;
  title: string;
  year: number | null;
  organization: string | null;
  release_date: string | null;
  runtime_minutes: number | null;
  availability: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface WorkCreditsTable {
  work_id: number;
  person_id: number;
  role: string;
  character: string | null;
  position: number;
}

export interface PostsTable {
  id: Generated<number>;
  type: string;
  slug: string;
  title: string;
  excerpt: Generated<string>;
  body_format: string;
  body_source: string;
  html: string;
  plaintext: string;
  word_count: number;
  format: string;
  status: string;
  visibility: Generated<string>;
  featured: Generated<number>;
  primary_tag_id: number | null;
  feature_image_url: string | null;
  feature_image_alt: string | null;
  feature_image_caption: string | null;
  feature_image_credit: string | null;
  seo_title: string | null;
  seo_description: string | null;
  canonical_url: string | null;
  content_notes: Generated<string>;
  work_id: number | null;
  rating_value: number | null;
  rating_scale: number | null;
  verdict: string | null;
  revision: Generated<number>;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PostTagsTable {
  post_id: number;
  tag_id: number;
  position: number;
  listed: Generated<number>;
  published_at: string | null;
}

export interface PostAuthorsTable {
  post_id: number;
  author_id: number;
  position: number;
  listed: Generated<number>;
  published_at: string | null;
}

export interface SlugRedirectsTable {
  old_slug: string;
  post_id: number;
  created_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Generated<string>;
  key: string | null;
  state: Generated<string>;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  status: Generated<string>;
  password_hash: string | null;
  author_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface StaffTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  role: string;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface StaffSetupTable {
  id: number;
  done_at: string;
}

export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  revision: number;
  user_id: number | null;
  snapshot: string;
  created_at: string;
  updated_at: string;
}

export interface TrashedPostsTable {
  post_id: number;
  previous_status: string;
  previous_published_at: string | null;
  user_id: number | null;
  deleted_at: string;
  purge_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  url: string;
  kind: string;
  mime: string;
  filename: string;
  bytes: number;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  storage_prefix: string;
  variants: Generated<string>;
  uploaded_by: number | null;
  created_at: string;
}

export interface PostRecommendationsTable {
  post_id: number;
  position: number;
  related_id: number;
  score: number;
}

export interface RecommendationMarksTable {
  post_id: number;
  version: number;
}

export type PostRow = Selectable<PostsTable>;
export type NewPostRow = Insertable<PostsTable>;
export type PostRowUpdate = Updateable<PostsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type TagRow = Selectable<TagsTable>;
export type WorkRow = Selectable<WorksTable>;
export type PersonRow = Selectable<PeopleTable>;
export type JobRow = Selectable<JobsTable>;
export type UserRow = Selectable<UsersTable>;

export interface SiteCacheChangesTable {
  id: Generated<number>;
  /** The process that made the change (it has already applied it). */
  origin: string;
  /** The ContentChange as JSON. */
  change: string;
  created_at: string;
}
