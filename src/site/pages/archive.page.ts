import { postFormats, type Author, type ListFilter, type PostFormat, type Tag, type Viewer } from '../../content/index.js';
import { followForm } from '../follow-form.js';
import { cacheKeys, pageMeta, showPosts, type Page, type SiteDeps } from '../page.js';
import { breadcrumbs, person } from '../structured-data.js';
import { paths } from '../urls.js';
import { cards, numberedPage, pageLinks, pagedNames } from './listing.js';

/** What an archive lists: a section or tag, an author's pieces, or one format of writing. */
export type Subject = { kind: 'tag'; tag: Tag } | { kind: 'author'; author: Author } | { kind: 'format'; format: PostFormat };

interface SubjectInfo {
  filter: ListFilter;
  base: string;
  name: string;
  description: string;
  listKey: string;
  showKey: string | null;
}

function describe(subject: Subject): SubjectInfo {
  switch (subject.kind) {
    case 'tag':
      return {
        filter: { tagId: subject.tag.id },
        base: paths.tag(subject.tag.slug),
        name: subject.tag.name,
        description: subject.tag.description,
        listKey: cacheKeys.listTag(subject.tag.id),
        showKey: cacheKeys.tag(subject.tag.id),
      };
    case 'author':
      return {
        filter: { authorId: subject.author.id },
        base: paths.author(subject.author.slug),
        name: subject.author.name,
        description: subject.author.bio,
        listKey: cacheKeys.listAuthor(subject.author.id),
        showKey: cacheKeys.author(subject.author.id),
      };
    case 'format':
      return {
        filter: { format: subject.format },
        base: paths.format(subject.format),
        name: postFormats[subject.format].plural,
        description: '',
        listKey: cacheKeys.listFormat(subject.format),
        showKey: null,
      };
  }
}

/** Page N of a section, tag, author or format archive (made for the viewer's access level); null past the end. */
export async function archivePage(deps: SiteDeps, subject: Subject, page: number, viewer: Viewer): Promise<Page | null> {
  const described = describe(subject);
  const [site, listing] = await Promise.all([deps.settings.site(), numberedPage(deps, described.filter, page)]);
  if (!listing) return null;
  const t = deps.theme.translate(site.locale);
  // A format's archive is named in the site's language; sections and authors by their own names.
  const info = subject.kind === 'format' ? { ...described, name: t(`format.${subject.format}.plural`) } : described;
  const keys = new Set([info.listKey, ...(info.showKey ? [info.showKey] : [])]);
  showPosts(keys, listing.posts);
  const path = paths.paged(info.base, page);
  const links = pageLinks(info.base, listing);
  const { title, crumbs } = pagedNames(site.title, info.name, info.base, page, t);
  const author = subject.kind === 'author' ? subject.author : null;
  const followed = subject.kind === 'tag' ? subject.tag : author;
  return {
    template: 'archive',
    view: {
      kind: subject.kind,
      heading: info.name,
      intro: info.description || null,
      author,
      accent: subject.kind === 'tag' ? subject.tag.accentColor : null,
      cards: await cards(deps, listing.posts),
      follow: followed && followForm(deps, site, { kind: subject.kind as 'tag' | 'author', id: followed.id, name: followed.name, back: info.base }, viewer),
      page,
      ...links,
    },
    meta: pageMeta({
      title,
      path,
      description: info.description || t('archive.description', { name: info.name, site: site.title }),
      type: author ? 'profile' : 'website',
      ...links,
      feed: subject.kind === 'format' ? null : { title: `${info.name} – ${site.title}`, path: paths.feed(info.base) },
      jsonLd: [...(author ? [person(author, deps.publicUrl)] : []), breadcrumbs(crumbs, deps.publicUrl)],
    }),
    keys,
    shareable: true,
  };
}
