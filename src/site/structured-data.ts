import type { Author, Post } from '../content/index.js';
import { workTypes, type Credit, type CreditRole, type PersonSummary, type Rating, type Work } from '../reviews/index.js';
import type { SiteSettings } from '../settings/index.js';
import { absoluteUrl, paths } from './urls.js';

/** schema.org descriptions of pages (JSON-LD), so search engines understand what a page is. */
type Thing = Record<string, unknown>;

export interface Crumb {
  name: string;
  path: string;
}

export function organization(site: SiteSettings, publicUrl: string): Thing {
  return {
    '@type': 'Organization',
    '@id': `${publicUrl}/#organization`,
    name: site.title,
    url: `${publicUrl}/`,
    ...(site.logoUrl ? { logo: absoluteUrl(publicUrl, site.logoUrl) } : {}),
  };
}

export function webSite(site: SiteSettings, publicUrl: string): Thing {
  return {
    '@type': 'WebSite',
    '@id': `${publicUrl}/#website`,
    name: site.title,
    description: site.description,
    url: `${publicUrl}/`,
    inLanguage: site.locale,
    publisher: { '@id': `${publicUrl}/#organization` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${publicUrl}/search/?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function breadcrumbs(crumbs: Crumb[], publicUrl: string): Thing {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(publicUrl, crumb.path),
    })),
  };
}

export function person(author: Author, publicUrl: string): Thing {
  const sameAs = [...(author.website ? [author.website] : []), ...author.links.map((l) => l.url)];
  return {
    '@type': 'Person',
    name: author.name,
    url: absoluteUrl(publicUrl, paths.author(author.slug)),
    ...(author.bio ? { description: author.bio } : {}),
    ...(author.photoUrl ? { image: absoluteUrl(publicUrl, author.photoUrl) } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

/** Article, NewsArticle or Review (with the reviewed work typed as what it is). */
export function postDescription(post: Post, site: SiteSettings, publicUrl: string): Thing {
  const url = absoluteUrl(publicUrl, paths.post(post.slug));
  const common: Thing = {
    '@id': `${url}#content`,
    url,
    mainEntityOfPage: url,
    inLanguage: site.locale,
    author: post.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(publicUrl, paths.author(a.slug)) })),
    publisher: organization(site, publicUrl),
    datePublished: post.publishedAt,
    dateModified: post.updatedAt,
    ...(post.featureImage ? { image: [absoluteUrl(publicUrl, post.featureImage.url)] } : {}),
    isAccessibleForFree: post.visibility === 'public',
    ...(post.primaryTag ? { articleSection: post.primaryTag.name } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((t) => t.name).join(', ') } : {}),
  };
  if (post.review) {
    return {
      '@type': 'Review',
      name: post.title,
      headline: post.title,
      description: post.excerpt,
      ...common,
      itemReviewed: workDescription(post.review.work, publicUrl),
      ...(post.review.rating
        ? {
            reviewRating: {
              '@type': 'Rating',
              ratingValue: post.review.rating.value,
              bestRating: post.review.rating.scale,
              worstRating: 0,
            },
          }
        : {}),
      ...(post.review.verdict ? { reviewBody: post.review.verdict } : {}),
    };
  }
  return {
    '@type': post.format === 'news' ? 'NewsArticle' : 'Article',
    headline: post.title,
    description: post.excerpt,
    ...common,
    ...(post.people.length ? { about: [...new Map(post.people.map((p) => [p.person.id, creditedPerson(p.person, publicUrl)])).values()] } : {}),
  };
}

/** A person credited in reviewed works or named by pieces, as their page on this site describes them; with descriptions of pieces about them, when given. */
export function creditedPerson(person: PersonSummary, publicUrl: string, subjectOf: Thing[] = []): Thing {
  const url = absoluteUrl(publicUrl, paths.person(person.slug));
  return { '@type': 'Person', '@id': `${url}#person`, name: person.name, url, ...(subjectOf.length ? { subjectOf } : {}) };
}

const creditsAs = (credits: Credit[], roles: CreditRole[], publicUrl: string) => [...new Map(credits.filter((c) => roles.includes(c.role)).map((c) => [c.person.id, creditedPerson(c.person, publicUrl)])).values()];

/** A work's rating summed up over its reviews' (see averageRating). */
export function aggregateRating(average: Rating, count: number): Thing {
  return { '@type': 'AggregateRating', ratingValue: average.value, bestRating: average.scale, worstRating: 0, ratingCount: count };
}

/** A reviewed work as its own schema.org type, with the people credited in it, at its page on this site. */
export function workDescription(work: Work, publicUrl: string): Thing {
  const type = workTypes[work.type].schemaType;
  const credits = work.credits;
  const date = work.releaseDate ?? (work.year ? String(work.year) : undefined);
  const url = absoluteUrl(publicUrl, paths.work(work.slug));
  const thing: Thing = { '@type': type, '@id': `${url}#work`, name: work.title, url };
  const people = (roles: CreditRole[]) => creditsAs(credits, roles, publicUrl);
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) thing[key] = value;
  };
  switch (type) {
    case 'Movie':
    case 'TVSeries':
      put('director', people(['director']));
      put('actor', people(['cast']));
      put('creator', people(['creator', 'screenwriter']));
      put(type === 'Movie' ? 'dateCreated' : 'startDate', date);
      put('productionCompany', work.organization ? { '@type': 'Organization', name: work.organization } : undefined);
      put('duration', work.runtimeMinutes ? `PT${work.runtimeMinutes}M` : undefined);
      break;
    case 'Book':
      put('author', people(['author']));
      put('translator', people(['translator']));
      put('datePublished', date);
      put('publisher', work.organization ? { '@type': 'Organization', name: work.organization } : undefined);
      break;
    case 'MusicAlbum':
      put('byArtist', people(['performer', 'creator', 'composer']));
      put('datePublished', date);
      put('recordLabel', work.organization ? { '@type': 'Organization', name: work.organization } : undefined);
      break;
    default:
      put('performer', people(['performer', 'cast', 'host']));
      put('director', people(['director']));
      put('startDate', date);
      put('location', work.organization ? { '@type': 'Place', name: work.organization, address: work.organization } : undefined);
      put('eventStatus', 'https://schema.org/EventScheduled');
  }
  return thing;
}
