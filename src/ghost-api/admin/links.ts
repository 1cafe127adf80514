import { postInput, tagSlug, type Tag, type TaxonomyService } from '../../content/index.js';
import { AppError, isAppError, type FieldError } from '../../errors/app-error.js';
import { parseInput } from '../../errors/validate.js';
import { inGhostTerms } from './envelope.js';
import { can, type StaffUser, type UserService } from '../../staff/index.js';

/** How Ghost names a tag or author in a post: a plain string, or an object with an id, slug, name or email. */
type Reference = { id?: unknown; slug?: unknown; name?: unknown; email?: unknown };

function asReference(entry: unknown): Reference | undefined {
  if (typeof entry === 'string') return { name: entry };
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Reference) : undefined;
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

/**
 * The slugs of a post's tags as Ghost sends them (by id, slug or name). Tags named but not found
 * are made, as Ghost makes them, when the staff member may manage tags; otherwise each is a field
 * error.
 */
export async function tagSlugs(given: unknown[], taxonomy: TaxonomyService, staff: StaffUser, prefix: string): Promise<string[]> {
  // A post holds a limited number of tags; too many is refused before any tag is made.
  parseInput(
    postInput.shape.tags,
    given.map(() => 'tag'),
    `${prefix}.tags`,
  );
  const tags = await taxonomy.listTags('all');
  const problems: FieldError[] = [];
  const found: Array<Tag | { name: string; slug: string | undefined; field: string }> = [];
  for (const [index, entry] of given.entries()) {
    const ref = asReference(entry);
    const field = `${prefix}.tags.${index}`;
    const tag = ref && tags.find((t) => String(t.id) === String(ref.id) || same(ref.slug, t.slug) || (ref.id === undefined && ref.slug === undefined && same(ref.name, t.name)));
    if (tag) found.push(tag);
    else if (!ref || (typeof ref.name !== 'string' && typeof ref.slug !== 'string')) problems.push({ field, message: 'must name a tag by id, slug or name' });
    else if (!can(staff, { do: 'taxonomy.manage' })) problems.push({ field, message: `no tag is called "${String(ref.name ?? ref.slug)}", and your role cannot make tags` });
    else found.push({ name: typeof ref.name === 'string' ? ref.name : String(ref.slug), slug: typeof ref.slug === 'string' ? ref.slug : undefined, field });
  }
  if (problems.length > 0) throw AppError.validation(problems);
  const slugs: string[] = [];
  for (const tag of found) slugs.push('id' in tag ? tag.slug : (await makeTag(taxonomy, tag)).slug);
  return [...new Set(slugs)];
}

/** Makes a tag; when another request made the same one a moment before, that one is used. */
async function makeTag(taxonomy: TaxonomyService, tag: { name: string; slug: string | undefined; field: string }): Promise<Tag> {
  try {
    return await taxonomy.createTag({ name: tag.name, ...(tag.slug === undefined ? {} : { slug: tag.slug }) });
  } catch (error) {
    if (isAppError(error) && error.code === 'SLUG_TAKEN') return taxonomy.getTag(tag.slug ?? tagSlug(tag.name), 'all');
    return inGhostTerms(tag.field, {})(error);
  }
}

/** The slugs of a post's authors as Ghost names them: by id, slug, or the email of a staff member with a byline. */
export async function authorSlugs(given: unknown[], deps: { taxonomy: TaxonomyService; users: UserService }, prefix: string): Promise<string[]> {
  parseInput(
    postInput.shape.authors,
    given.map(() => 'author'),
    `${prefix}.authors`,
  );
  const [authors, users] = await Promise.all([deps.taxonomy.listAuthors(), deps.users.list()]);
  const problems: FieldError[] = [];
  const slugs: string[] = [];
  for (const [index, entry] of given.entries()) {
    const ref = typeof entry === 'string' ? { slug: entry } : asReference(entry);
    const byEmail = ref && typeof ref.email === 'string' ? users.find((u) => same(ref.email, u.email))?.authorId : undefined;
    const found = ref && authors.find((a) => String(a.id) === String(ref.id) || same(ref.slug, a.slug) || a.id === byEmail);
    if (found) slugs.push(found.slug);
    else problems.push({ field: `${prefix}.authors.${index}`, message: 'names no author (give an id, a slug, or the email of a staff member with a byline)' });
  }
  if (problems.length > 0) throw AppError.validation(problems);
  return [...new Set(slugs)];
}
