/**
 * What each schema.org type we publish must carry to be understood (schema.org's expected
 * properties, with the ones search engines require for rich results marked required here).
 */
type Thing = Record<string, unknown>;

const required: Record<string, string[]> = {
  Article: ['headline', 'author', 'datePublished', 'dateModified', 'publisher', 'mainEntityOfPage', 'url'],
  NewsArticle: ['headline', 'author', 'datePublished', 'dateModified', 'publisher', 'mainEntityOfPage', 'url'],
  Review: ['name', 'itemReviewed', 'author', 'datePublished', 'publisher', 'url'],
  Movie: ['name'],
  TVSeries: ['name'],
  Book: ['name', 'author'],
  MusicAlbum: ['name', 'byArtist'],
  MusicEvent: ['name', 'startDate', 'location'],
  Event: ['name', 'startDate', 'location'],
  TheaterEvent: ['name', 'startDate', 'location'],
  Person: ['name'],
  Organization: ['name'],
  WebSite: ['name', 'url', 'potentialAction'],
  BreadcrumbList: ['itemListElement'],
  ListItem: ['position', 'name', 'item'],
  Rating: ['ratingValue', 'bestRating'],
  AggregateRating: ['ratingValue', 'bestRating', 'ratingCount'],
  SearchAction: ['target', 'query-input'],
  EntryPoint: ['urlTemplate'],
  Place: ['name'],
};

const isoDate = /^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Problems with a JSON-LD document (empty when every thing in it carries what its type needs). */
export function jsonLdProblems(document: unknown): string[] {
  const problems: string[] = [];
  const root = document as Thing;
  if (root['@context'] !== 'https://schema.org') problems.push('@context must be https://schema.org');
  const things = Array.isArray(root['@graph']) ? (root['@graph'] as Thing[]) : [root];
  const visit = (thing: Thing, where: string) => {
    const type = thing['@type'];
    if (typeof type === 'string') {
      const needs = required[type];
      if (!needs) problems.push(`${where}: unexpected type ${type}`);
      for (const key of needs ?? []) {
        const value = thing[key];
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
          problems.push(`${where}: ${type} lacks ${key}`);
        }
      }
      for (const key of ['datePublished', 'dateModified', 'startDate', 'dateCreated']) {
        if (typeof thing[key] === 'string' && !isoDate.test(thing[key])) problems.push(`${where}: ${key} is not an ISO 8601 date`);
      }
      if ((type === 'Rating' || type === 'AggregateRating') && Number(thing.ratingValue) > Number(thing.bestRating)) problems.push(`${where}: rating above its best`);
      if (type === 'SearchAction') {
        const target = (thing.target as Thing | undefined)?.urlTemplate;
        if (typeof target !== 'string' || !target.includes('{search_term_string}')) problems.push(`${where}: search target lacks {search_term_string}`);
      }
      if (type === 'BreadcrumbList') {
        (thing.itemListElement as Thing[]).forEach((item, i) => {
          if (item.position !== i + 1) problems.push(`${where}: breadcrumb ${i} has position ${String(item.position)}`);
        });
      }
    }
    for (const [key, value] of Object.entries(thing)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && '@type' in child) visit(child as Thing, `${where}.${key}`);
      }
    }
  };
  things.forEach((thing, i) => visit(thing, `#${i}`));
  return problems;
}

/** Every JSON-LD document in a page. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

/** The things of a given type anywhere in the page's JSON-LD. */
export function thingsOfType(html: string, type: string): Thing[] {
  const found: Thing[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      if ((value as Thing)['@type'] === type) found.push(value as Thing);
      Object.values(value).forEach(walk);
    }
  };
  jsonLdOf(html).forEach(walk);
  return found;
}
