import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Builds expressions inside a query over one resource's table (and subqueries of it). */
export type Builder = ExpressionBuilder<Database, any>;

/**
 * A value a filter can compare: a column (or a subquery, such as a count) of a known kind. Only
 * these definitions ever become SQL identifiers; what a filter says only ever becomes parameters.
 */
export type ScalarField =
  | { kind: 'text'; column: string; nullable?: boolean }
  | { kind: 'id' | 'date' | 'boolean'; column: string; nullable?: boolean }
  | { kind: 'number'; column: string; nullable?: boolean }
  | { kind: 'number'; expression: (eb: Builder) => Expression<unknown> }
  | { kind: 'enum'; column: string; values: readonly string[] };

/** A field that is true or false per named value, e.g. a tag's `visibility:public`. */
interface ChoiceField {
  kind: 'choice';
  choices: Record<string, (eb: Builder) => Expression<SqlBool>>;
}

/** Items linked to the row (a post's tags): a condition holds when some linked item meets it. */
interface Relation {
  /** EXISTS over the linked items, narrowed by `where` when given. */
  exists(eb: Builder, where?: (eb: Builder) => Expression<SqlBool>): Expression<SqlBool>;
}

interface RelationField {
  kind: 'relation';
  relation: Relation;
  field: ScalarField;
}

export type FieldDef = ScalarField | ChoiceField | RelationField;

/** What can be filtered and ordered on in one list, by Ghost's field names. */
export interface Resource {
  /** The word errors use, e.g. "posts". */
  name: string;
  table: 'posts' | 'tags' | 'authors' | 'plans' | 'members' | 'users' | 'newsletters';
  fields: Record<string, FieldDef>;
  /** The order when none is asked for; `id desc` always breaks ties. */
  defaultOrder: Array<{ field: string; direction: 'asc' | 'desc' }>;
}

export function expressionOf(eb: Builder, field: ScalarField): Expression<unknown> {
  return 'expression' in field ? field.expression(eb) : sql.ref(field.column);
}

// Parameters of true/false are typed as booleans on PostgreSQL and as 1/0 on SQLite; comparing
// 1 = 1 reads the same on both.
const truth = (eb: Builder, value: boolean): Expression<SqlBool> => eb(eb.val(1), '=', eb.val(value ? 1 : 0));

const tagColumns = {
  id: { kind: 'id', column: 'tags.id' },
  slug: { kind: 'text', column: 'tags.slug' },
  name: { kind: 'text', column: 'tags.name' },
  description: { kind: 'text', column: 'tags.description' },
} as const satisfies Record<string, ScalarField>;

const authorColumns = {
  id: { kind: 'id', column: 'authors.id' },
  slug: { kind: 'text', column: 'authors.slug' },
  name: { kind: 'text', column: 'authors.name' },
} as const satisfies Record<string, ScalarField>;

const postTags: Relation = {
  exists: (eb, where) =>
    eb.exists(
      eb
        .selectFrom('post_tags')
        .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
        .select(sql.lit(1).as('one'))
        .whereRef('post_tags.post_id', '=', 'posts.id')
        .$if(where !== undefined, (q) => q.where(where!)),
    ),
};

const postAuthors = (onlyFirst: boolean): Relation => ({
  exists: (eb, where) =>
    eb.exists(
      eb
        .selectFrom('post_authors')
        .innerJoin('authors', 'authors.id', 'post_authors.author_id')
        .select(sql.lit(1).as('one'))
        .whereRef('post_authors.post_id', '=', 'posts.id')
        .$if(onlyFirst, (q) => q.where('post_authors.position', '=', 0))
        .$if(where !== undefined, (q) => q.where(where!)),
    ),
});

const primaryTag: Relation = {
  exists: (eb, where) =>
    eb.exists(
      eb
        .selectFrom('tags')
        .select(sql.lit(1).as('one'))
        .whereRef('tags.id', '=', 'posts.primary_tag_id')
        .$if(where !== undefined, (q) => q.where(where!)),
    ),
};

function relationFields(prefix: string, relation: Relation, columns: Record<string, ScalarField>, bare: string[]): Record<string, RelationField> {
  const fields: Record<string, RelationField> = {};
  for (const [name, field] of Object.entries(columns)) fields[`${prefix}.${name}`] = { kind: 'relation', relation, field };
  // Ghost's shorthands (`tag:`, `tags:`, `primary_tag:` …) mean the slug.
  for (const name of bare) fields[name] = { kind: 'relation', relation, field: columns.slug! };
  return fields;
}

/** Posts and pages, by Ghost's names; `format`, `word_count` and `rating` are Masthead's own. */
function postFields(withStatus: boolean): Record<string, FieldDef> {
  return {
    id: { kind: 'id', column: 'posts.id' },
    slug: { kind: 'text', column: 'posts.slug' },
    title: { kind: 'text', column: 'posts.title' },
    custom_excerpt: { kind: 'text', column: 'posts.excerpt' },
    visibility: { kind: 'enum', column: 'posts.visibility', values: ['public', 'members', 'paid'] },
    featured: { kind: 'boolean', column: 'posts.featured' },
    published_at: { kind: 'date', column: 'posts.published_at', nullable: true },
    created_at: { kind: 'date', column: 'posts.created_at' },
    updated_at: { kind: 'date', column: 'posts.updated_at' },
    feature_image: { kind: 'text', column: 'posts.feature_image_url', nullable: true },
    canonical_url: { kind: 'text', column: 'posts.canonical_url', nullable: true },
    meta_title: { kind: 'text', column: 'posts.seo_title', nullable: true },
    meta_description: { kind: 'text', column: 'posts.seo_description', nullable: true },
    format: { kind: 'enum', column: 'posts.format', values: ['article', 'review', 'interview', 'news', 'list', 'essay'] },
    word_count: { kind: 'number', column: 'posts.word_count' },
    rating: { kind: 'number', column: 'posts.rating_value', nullable: true },
    ...(withStatus ? { status: { kind: 'enum', column: 'posts.status', values: ['draft', 'scheduled', 'published', 'archived'] } as const } : {}),
    ...relationFields('tags', postTags, tagColumns, ['tag', 'tags']),
    ...relationFields('primary_tag', primaryTag, tagColumns, ['primary_tag']),
    ...relationFields('authors', postAuthors(false), authorColumns, ['author', 'authors']),
    ...relationFields('primary_author', postAuthors(true), authorColumns, ['primary_author']),
  };
}

const publishedPostCount = (link: 'post_tags' | 'post_authors') => (eb: Builder) =>
  eb
    .selectFrom(link === 'post_tags' ? 'post_tags' : 'post_authors')
    .select((inner) => inner.fn.countAll().as('n'))
    .whereRef(link === 'post_tags' ? 'post_tags.tag_id' : 'post_authors.author_id', '=', link === 'post_tags' ? 'tags.id' : 'authors.id')
    .where('listed', '=', 1);

const timestamps = (table: string) => ({ created_at: { kind: 'date', column: `${table}.created_at` }, updated_at: { kind: 'date', column: `${table}.updated_at` } }) as const;

export const resources = {
  posts: { name: 'posts', table: 'posts', fields: postFields(false), defaultOrder: [{ field: 'published_at', direction: 'desc' }] },
  pages: { name: 'pages', table: 'posts', fields: postFields(false), defaultOrder: [{ field: 'published_at', direction: 'desc' }] },
  adminPosts: { name: 'posts', table: 'posts', fields: postFields(true), defaultOrder: [{ field: 'published_at', direction: 'desc' }] },
  adminPages: { name: 'pages', table: 'posts', fields: postFields(true), defaultOrder: [{ field: 'published_at', direction: 'desc' }] },
  tags: {
    name: 'tags',
    table: 'tags',
    fields: {
      ...tagColumns,
      accent_color: { kind: 'text', column: 'tags.accent_color', nullable: true },
      section: { kind: 'boolean', column: 'tags.is_section' },
      visibility: { kind: 'enum', column: 'tags.visibility', values: ['public', 'internal'] },
      'count.posts': { kind: 'number', expression: publishedPostCount('post_tags') },
      ...timestamps('tags'),
    },
    defaultOrder: [{ field: 'name', direction: 'asc' }],
  },
  authors: {
    name: 'authors',
    table: 'authors',
    fields: {
      ...authorColumns,
      bio: { kind: 'text', column: 'authors.bio' },
      website: { kind: 'text', column: 'authors.website', nullable: true },
      'count.posts': { kind: 'number', expression: publishedPostCount('post_authors') },
      ...timestamps('authors'),
    },
    defaultOrder: [{ field: 'name', direction: 'asc' }],
  },
  tiers: {
    name: 'tiers',
    table: 'plans',
    fields: {
      id: { kind: 'id', column: 'plans.id' },
      slug: { kind: 'text', column: 'plans.slug' },
      name: { kind: 'text', column: 'plans.name' },
      active: { kind: 'boolean', column: 'plans.active' },
      type: {
        kind: 'choice',
        choices: { free: (eb) => eb('plans.tier', '=', 'free'), paid: (eb) => eb('plans.tier', '!=', 'free') },
      },
      visibility: { kind: 'choice', choices: { public: (eb) => truth(eb, true), none: (eb) => truth(eb, false) } },
      monthly_price: { kind: 'number', column: 'plans.monthly_cents', nullable: true },
      yearly_price: { kind: 'number', column: 'plans.yearly_cents', nullable: true },
      position: { kind: 'number', column: 'plans.position' },
      ...timestamps('plans'),
    },
    defaultOrder: [
      { field: 'position', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
  },
  members: {
    name: 'members',
    table: 'members',
    fields: {
      id: { kind: 'id', column: 'members.id' },
      email: { kind: 'text', column: 'members.email' },
      name: { kind: 'text', column: 'members.name' },
      ...timestamps('members'),
    },
    defaultOrder: [{ field: 'created_at', direction: 'desc' }],
  },
  users: staffResource(true),
  /** Staff as authors and contributors see them: no addresses, so none can be guessed by filter either. */
  usersWithoutEmail: staffResource(false),
  newsletters: {
    name: 'newsletters',
    table: 'newsletters',
    fields: {
      id: { kind: 'id', column: 'newsletters.id' },
      slug: { kind: 'text', column: 'newsletters.slug' },
      name: { kind: 'text', column: 'newsletters.name' },
      description: { kind: 'text', column: 'newsletters.description' },
      status: { kind: 'choice', choices: { active: (eb) => truth(eb, true), archived: (eb) => truth(eb, false) } },
      sort_order: { kind: 'number', column: 'newsletters.position' },
      ...timestamps('newsletters'),
    },
    defaultOrder: [
      { field: 'sort_order', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
  },
} satisfies Record<string, Resource>;

function staffResource(withEmail: boolean): Resource {
  return {
    name: 'users',
    table: 'users',
    fields: {
      id: { kind: 'id', column: 'users.id' },
      name: { kind: 'text', column: 'users.name' },
      ...(withEmail ? { email: { kind: 'text', column: 'users.email' } as const } : {}),
      status: { kind: 'choice', choices: { active: (eb) => eb('users.status', '=', 'active'), inactive: (eb) => eb('users.status', '=', 'suspended') } },
      ...timestamps('users'),
    },
    defaultOrder: [
      { field: 'created_at', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
  };
}
