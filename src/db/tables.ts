import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The database as Kysely sees it. Timestamps are ISO-8601 UTC text; flags are 0/1. */
export interface Database {
  settings: SettingsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  people: PeopleTable;
  works: WorksTable;
  work_credits: WorkCreditsTable;
  post_people: PostPeopleTable;
  posts: PostsTable;
  post_tags: PostTagsTable;
  post_authors: PostAuthorsTable;
  slug_redirects: SlugRedirectsTable;
  old_addresses: OldAddressesTable;
  imported_items: ImportedItemsTable;
  import_runs: ImportRunsTable;
  jobs: JobsTable;
  users: UsersTable;
  staff_sessions: StaffSessionsTable;
  staff_tokens: StaffTokensTable;
  api_keys: ApiKeysTable;
  content_api_keys: ContentApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  sign_in_failures: SignInFailuresTable;
  rate_limit_hits: RateLimitHitsTable;
  staff_known_browsers: StaffKnownBrowsersTable;
  staff_setup: StaffSetupTable;
  post_revisions: PostRevisionsTable;
  trashed_posts: TrashedPostsTable;
  media: MediaTable;
  post_views: PostViewsTable;
  view_salts: ViewSaltsTable;
  view_readers: ViewReadersTable;
  site_cache_changes: SiteCacheChangesTable;
  cdn_purge_keys: CdnPurgeKeysTable;
  post_recommendations: PostRecommendationsTable;
  recommendation_marks: RecommendationMarksTable;
  newsletters: NewslettersTable;
  subscribers: SubscribersTable;
  subscriber_newsletters: SubscriberNewslettersTable;
  subscriber_import_rows: SubscriberImportRowsTable;
  suppressions: SuppressionsTable;
  newsletter_keys: NewsletterKeysTable;
  digests: DigestsTable;
  newsletter_sends: NewsletterSendsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_send_batches: NewsletterSendBatchesTable;
  newsletter_send_links: NewsletterSendLinksTable;
  newsletter_clicks: NewsletterClicksTable;
  plans: PlansTable;
  members: MembersTable;
  member_tokens: MemberTokensTable;
  member_sessions: MemberSessionsTable;
  checkouts: CheckoutsTable;
  offers: OffersTable;
  tips: TipsTable;
  subscriptions: SubscriptionsTable;
  stripe_events: StripeEventsTable;
  print_issues: PrintIssuesTable;
  fulfilment_items: FulfilmentItemsTable;
  follows: FollowsTable;
  follow_alert_readers: FollowAlertReadersTable;
  follow_alert_items: FollowAlertItemsTable;
  follow_alert_posts: FollowAlertPostsTable;
  comments: CommentsTable;
  comment_post_access: CommentPostAccessTable;
  comment_bans: CommentBansTable;
  member_comment_email_optouts: MemberCommentEmailOptoutsTable;
  staff_comment_email_optouts: StaffCommentEmailOptoutsTable;
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
  visibility: Generated<'public' | 'internal'>;
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

export interface PostPeopleTable {
  post_id: number;
  person_id: number;
  role: 'interviewee';
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

/** An address of a site that moved in, and what answers there now (exactly one target). */
export interface OldAddressesTable {
  address: string;
  post_id: number | null;
  tag_id: number | null;
  author_id: number | null;
  location: string | null;
  created_at: string;
}

/** What an import brought in, by the other platform's id. */
export interface ImportedItemsTable {
  source: string;
  kind: string;
  external_id: string;
  target_id: number;
  source_hash: string;
  target_hash: Generated<string>;
  imported_at: string;
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
  /** The public half of a Ghost-format key ("id:secret"); null for older bearer-only keys. */
  key_id: string | null;
  /** Hex secret that signs the key's tokens (HS256); null for older bearer-only keys. */
  signing_secret: string | null;
}

export interface ContentApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ImportRunsTable {
  id: Generated<number>;
  platform: string;
  file_name: string;
  /** bigint: PostgreSQL answers it as a string. */
  file_size: number | string;
  /** The uploaded file below DATA_DIR/imports, until the run ends or expires. */
  file_path: string | null;
  state: string;
  /** 1 while queued or running, else null (unique: one import at a time). */
  active: number | null;
  /** JSON of the dry run's report. */
  preview: string | null;
  /** JSON of the real run's report. */
  report: string | null;
  error: string | null;
  step: string | null;
  done: number;
  total: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret: string;
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: string;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  duration_ms: number | null;
  created_at: string;
  updated_at: string;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface RateLimitHitsTable {
  key: string;
  hits: number;
  /** Milliseconds since 1970; PostgreSQL answers bigint as a string. */
  expires_at: number | string;
}

export interface StaffKnownBrowsersTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
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

export interface PostViewsTable {
  post_id: number;
  day: string;
  views: number;
}

export interface ViewSaltsTable {
  day: string;
  salt: string;
}

export interface ViewReadersTable {
  day: string;
  reader: string;
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

/** Keys a CDN must purge, waiting for the purge job ("*": everything). */
export interface CdnPurgeKeysTable {
  key: string;
  queued_at: string;
}

export interface SiteCacheChangesTable {
  id: Generated<number>;
  /** The process that made the change (it has already applied it). */
  origin: string;
  /** The ContentChange as JSON. */
  change: string;
  created_at: string;
}
export interface NewslettersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  is_default: Generated<number>;
  position: Generated<number>;
  count_opens: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SubscribersTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  status: string;
  source: string;
  confirm_nonce: string | null;
  confirm_sent_at: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubscriberNewslettersTable {
  subscriber_id: number;
  newsletter_id: number;
  created_at: string;
  unsubscribed_at: string | null;
}

/** A subscriber CSV import's rows while it runs (migration 0075). */
export interface SubscriberImportRowsTable {
  import_key: string;
  email: string;
  line: number;
  name: string;
  kept: number;
  created_at: string;
}

export interface SuppressionsTable {
  email_hash: string;
  reason: string;
  created_at: string;
}

export interface NewsletterKeysTable {
  name: string;
  value: string;
}

export interface DigestsTable {
  id: Generated<number>;
  newsletter_id: number;
  slot: string;
  period_start: string;
  subject: string;
  intro: Generated<string>;
  items: Generated<string>;
  state: string;
  scheduled_at: string | null;
  send_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterSendsTable {
  id: Generated<number>;
  newsletter_id: number;
  kind: string;
  post_id: number | null;
  digest_id: number | null;
  subject: string;
  content: string;
  state: string;
  total: Generated<number>;
  started_at: string;
  finished_at: string | null;
  opens: Generated<number>;
}

export interface NewsletterSendLinksTable {
  send_id: number;
  link: number;
  url: string;
  clicks: Generated<number>;
  unique_clicks: Generated<number>;
}

export interface NewsletterClicksTable {
  delivery_id: number;
  link: number;
  send_id: number;
  first_at: string;
}

export interface NewsletterSendBatchesTable {
  id: Generated<number>;
  send_id: number;
  first_id: number;
  last_id: number;
  state: string;
  due_at: string | null;
  owner: string | null;
  owner_until: string | null;
  attempts: Generated<number>;
}

export interface NewsletterDeliveriesTable {
  id: Generated<number>;
  send_id: number;
  subscriber_id: number | null;
  email: string;
  state: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  opened_at: Generated<string | null>;
  unsubscribed_at: Generated<string | null>;
  complained_at: Generated<string | null>;
}

export type SubscriberRow = Selectable<SubscribersTable>;
export type NewsletterRow = Selectable<NewslettersTable>;
export type DigestRow = Selectable<DigestsTable>;
export type NewsletterSendRow = Selectable<NewsletterSendsTable>;

export interface PlansTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  tier: string;
  currency: string;
  monthly_cents: number | null;
  yearly_cents: number | null;
  gift_cents: number | null;
  issues_per_year: Generated<number>;
  /** Days of free trial a new subscription starts with (0: none). */
  trial_days: Generated<number>;
  active: Generated<number>;
  position: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  stripe_customer_id: string | null;
  /** The shipping address as JSON (a normalised `Address`), or null. */
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTokensTable {
  token_hash: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface MemberSessionsTable {
  token_hash: string;
  member_id: number;
  expires_at: string;
  created_at: string;
}

export interface CheckoutsTable {
  id: Generated<number>;
  stripe_session_id: string | null;
  member_id: number;
  plan_id: number;
  billing: string;
  /** What the reader entered before paying (shipping address, gift recipient) as JSON. */
  details: Generated<string>;
  status: Generated<string>;
  /** The offer the checkout was started from, if any. */
  offer_id: number | null;
  /** What Stripe charged at checkout, in the currency's minor units (after any discount). */
  amount_total: number | null;
  created_at: string;
  updated_at: string;
}

export interface TipsTable {
  id: Generated<number>;
  stripe_session_id: string;
  member_id: number | null;
  email: string;
  /** In the currency's minor units. */
  amount: number;
  currency: string;
  created_at: string;
}

export interface OffersTable {
  id: Generated<number>;
  code: string;
  name: string;
  plan_id: number;
  billing: string;
  /** Exactly one of percent_off (1-100) and amount_off (the plan currency's minor units) is set. */
  percent_off: number | null;
  amount_off: number | null;
  duration: string;
  duration_months: number | null;
  starts_at: string;
  ends_at: string | null;
  max_redemptions: number | null;
  stripe_coupon_id: string | null;
  /** The code a reader may type, in capitals; unique among offers. */
  promotion_code: string | null;
  stripe_promotion_code_id: string | null;
  /** Set when an editor ends the offer early. */
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  member_id: number;
  buyer_member_id: number | null;
  plan_id: number;
  billing: string;
  status: string;
  stripe_subscription_id: string | null;
  current_period_end: string | null;
  cancel_at_period_end: Generated<number>;
  grace_until: string | null;
  issues_remaining: Generated<number>;
  stripe_state_at: Generated<number>;
  /** When Stripe reports the subscription `trialing`: the end of the trial; null otherwise. */
  trial_ends_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  created: number;
  outcome: string;
  received_at: string;
}

export interface PrintIssuesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  cover_image_url: string | null;
  on_sale_date: string;
  address_cutoff: string;
  frozen_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FulfilmentItemsTable {
  issue_id: number;
  member_id: number;
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  quantity: number;
}

export type PlanRow = Selectable<PlansTable>;
export type MemberRow = Selectable<MembersTable>;
export type SubscriptionRow = Selectable<SubscriptionsTable>;
export type CheckoutRow = Selectable<CheckoutsTable>;
export type PrintIssueRow = Selectable<PrintIssuesTable>;
export type FulfilmentItemRow = Selectable<FulfilmentItemsTable>;

/** A reader (member or subscriber) following a tag, author, person or work; see migration 0082. */
export interface FollowsTable {
  id: Generated<number>;
  reader: string;
  target: string;
  member_id: number | null;
  subscriber_id: number | null;
  tag_id: number | null;
  author_id: number | null;
  person_id: number | null;
  work_id: number | null;
  confirmed_at: string | null;
  confirm_nonce: string | null;
  confirm_sent_at: string | null;
  created_at: string;
}

export type FollowRow = Selectable<FollowsTable>;

/** A reader's "email me when something I follow is published" setting; see migration 0083. */
export interface FollowAlertReadersTable {
  reader: string;
  member_id: number | null;
  subscriber_id: number | null;
  enabled: number;
  last_sent_at: string | null;
  updated_at: string;
}

export interface FollowAlertItemsTable {
  reader: string;
  post_id: number;
  created_at: string;
}

/** A published piece already gathered for follow alerts; see migration 0091. */
export interface FollowAlertPostsTable {
  post_id: number;
  gathered_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  post_id: number;
  parent_id: number | null;
  /** Null for comments brought in by an import from someone who is not a member. */
  member_id: number | null;
  author_name: string;
  body: string;
  status: 'pending' | 'approved' | 'hidden';
  created_at: string;
  updated_at: string;
  /** When emails about the comment were queued (its first approval); null before. */
  notified_at: Generated<string | null>;
}

export interface CommentPostAccessTable {
  post_id: number;
  access: 'off' | 'members' | 'paid';
}

export interface CommentBansTable {
  member_id: number;
  created_at: string;
}

export interface MemberCommentEmailOptoutsTable {
  member_id: number;
  created_at: string;
}

export interface StaffCommentEmailOptoutsTable {
  user_id: number;
  created_at: string;
}
