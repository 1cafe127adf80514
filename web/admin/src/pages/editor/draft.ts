import type { CreditRole, PieceRole, Post, PostFormat, PostInput, Visibility, WorkInput, WorkType } from '../../api/types';
import { suggestSlug } from '../../slug';

export interface CreditDraft {
  name: string;
  /** The person in the library this credit links to; empty for a new person (the name makes the slug). */
  slug: string;
  role: CreditRole;
  character: string;
  /** Set when the editor said a name shared with someone in the library is a different person: the slug is a fresh one. */
  newPerson?: boolean;
}

/** A person the piece names (an interview's subject), linked or new as a credit is. */
export interface NamedPersonDraft {
  name: string;
  slug: string;
  role: PieceRole;
  newPerson?: boolean;
}

/** A slug for a new person who shares a name with someone already in the library. */
export function freshPersonSlug(name: string): string {
  const base = suggestSlug(name);
  return `${base || 'person'}-${Math.random().toString(36).slice(2, 7)}`;
}

export interface WorkDraft {
  slug: string;
  type: WorkType;
  title: string;
  year: string;
  organization: string;
  releaseDate: string;
  runtimeMinutes: string;
  availability: Array<{ label: string; url: string }>;
  credits: CreditDraft[];
  ratingValue: string;
  ratingScale: string;
  verdict: string;
}

/** Everything the editor lets a person change, as form values (text for numbers). */
export interface Draft {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  format: PostFormat;
  visibility: Visibility;
  featured: boolean;
  section: string;
  tags: string[];
  authors: string[];
  featureImage: { url: string; alt: string; caption: string; credit: string } | null;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  contentNotes: string;
  review: WorkDraft;
  people: NamedPersonDraft[];
}

export function emptyWork(): WorkDraft {
  return {
    slug: '',
    type: 'movie',
    title: '',
    year: '',
    organization: '',
    releaseDate: '',
    runtimeMinutes: '',
    availability: [],
    credits: [],
    ratingValue: '',
    ratingScale: '5',
    verdict: '',
  };
}

export function emptyDraft(authorSlug: string | null): Draft {
  return {
    title: '',
    slug: '',
    excerpt: '',
    body: '',
    format: 'article',
    visibility: 'public',
    featured: false,
    section: '',
    tags: [],
    authors: authorSlug ? [authorSlug] : [],
    featureImage: null,
    seoTitle: '',
    seoDescription: '',
    canonicalUrl: '',
    contentNotes: '',
    review: emptyWork(),
    people: [],
  };
}

export function toDraft(post: Post): Draft {
  const sectionTag = post.tags.find((t) => t.isSection);
  const review = post.review;
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.customExcerpt,
    body: post.bodyFormat === 'html' ? post.body : post.html,
    format: post.format,
    visibility: post.visibility,
    featured: post.featured,
    section: sectionTag?.slug ?? '',
    tags: [...post.tags, ...post.internalTags].filter((t) => t !== sectionTag).map((t) => t.slug),
    authors: post.authors.map((a) => a.slug),
    featureImage: post.featureImage ? { url: post.featureImage.url, alt: post.featureImage.alt, caption: post.featureImage.caption ?? '', credit: post.featureImage.credit ?? '' } : null,
    seoTitle: post.seoTitle ?? '',
    seoDescription: post.seoDescription ?? '',
    canonicalUrl: post.canonicalUrl ?? '',
    contentNotes: post.contentNotes.join('\n'),
    review: review
      ? {
          slug: review.work.slug,
          type: review.work.type,
          title: review.work.title,
          year: review.work.year?.toString() ?? '',
          organization: review.work.organization ?? '',
          releaseDate: review.work.releaseDate ?? '',
          runtimeMinutes: review.work.runtimeMinutes?.toString() ?? '',
          availability: review.work.availability.map((a) => ({ label: a.label, url: a.url ?? '' })),
          credits: review.work.credits.map((c) => ({ name: c.person.name, slug: c.person.slug, role: c.role, character: c.character ?? '' })),
          ratingValue: review.rating?.value.toString() ?? '',
          ratingScale: review.rating?.scale.toString() ?? '5',
          verdict: review.verdict ?? '',
        }
      : emptyWork(),
    people: post.people.map((p) => ({ name: p.person.name, slug: p.person.slug, role: p.role })),
  };
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
const number = (value: string) => (value.trim() === '' ? undefined : Number(value));

export function toWorkInput(work: WorkDraft): WorkInput {
  return {
    type: work.type,
    title: work.title.trim(),
    slug: text(work.slug),
    year: number(work.year),
    organization: text(work.organization),
    releaseDate: text(work.releaseDate),
    runtimeMinutes: number(work.runtimeMinutes),
    availability: work.availability.filter((a) => a.label.trim() !== '').map((a) => ({ label: a.label.trim(), url: text(a.url) })),
    credits: work.credits.filter((c) => c.name.trim() !== '').map((c) => ({ name: c.name.trim(), slug: text(c.slug), role: c.role, character: c.role === 'cast' ? text(c.character) : undefined })),
  };
}

/** The request body for a save: what the API's post input schema accepts. */
export function toInput(draft: Draft, type: 'post' | 'page'): PostInput {
  const rating = number(draft.review.ratingValue);
  return {
    type,
    title: draft.title.trim(),
    slug: text(draft.slug),
    excerpt: draft.excerpt,
    body: draft.body,
    bodyFormat: 'html',
    format: type === 'page' ? 'article' : draft.format,
    visibility: draft.visibility,
    featured: draft.featured,
    tags: [...(draft.section ? [draft.section] : []), ...draft.tags.filter((t) => t !== draft.section)],
    authors: draft.authors.length > 0 ? draft.authors : undefined,
    featureImage: draft.featureImage ? { url: draft.featureImage.url, alt: draft.featureImage.alt, caption: text(draft.featureImage.caption), credit: text(draft.featureImage.credit) } : undefined,
    seoTitle: text(draft.seoTitle),
    seoDescription: text(draft.seoDescription),
    canonicalUrl: text(draft.canonicalUrl),
    contentNotes: draft.contentNotes
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean),
    review:
      draft.format === 'review' && type === 'post'
        ? {
            work: toWorkInput(draft.review),
            rating: rating === undefined ? undefined : { value: rating, scale: number(draft.review.ratingScale) ?? 5 },
            verdict: text(draft.review.verdict),
          }
        : undefined,
    people: type === 'post' ? draft.people.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name.trim(), slug: text(p.slug), role: p.role })) : undefined,
  };
}
