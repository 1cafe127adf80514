import { createHash } from 'node:crypto';
import type { ImportProgress } from '../import-report.js';
import type { AttachmentInfo } from './body.types.js';
import { plainText } from './html.js';
import { readWxr, type ReadRepairs } from './wxr.reader.js';
import type { WxrAuthor, WxrComments, WxrItem, WxrSite, WxrTerm } from './wxr.types.js';

/** An uploaded file of the old site. */
export interface Attachment extends AttachmentInfo {
  /** Where it sits under wp-content/uploads (`2024/02/photo.jpg`), when the export says. */
  attachedFile: string;
  link: string;
}

/** A post or page of the export, as much as planning needs (its body is read again when written). */
export interface Entry {
  id: string;
  /** Line of the file where the item starts: an export may (wrongly) hold two items with one id. */
  line: number;
  type: 'post' | 'page';
  status: string;
  name: string;
  link: string;
  title: string;
  thumbnailId: string;
  oldSlugs: string[];
  /** A digest of everything the import reads of the item, to tell whether it changed since. */
  fingerprint: string;
}

/** Everything the first reading of an export learns, apart from bodies. */
export interface ExportIndex {
  site: WxrSite;
  authors: Map<string, WxrAuthor>;
  /** Logins that wrote items, with or without an author entry. */
  creators: Set<string>;
  terms: WxrTerm[];
  /** Categories and tags items use, by `taxonomy:slug`, for exports that do not list them. */
  usedTerms: Map<string, WxrTerm>;
  attachments: Map<string, Attachment>;
  /** The attachments of each post, in gallery order. */
  attachmentsByParent: Map<string, Attachment[]>;
  entries: Entry[];
  reusable: Map<string, string>;
  /** Items of other kinds (menus, revisions, plugin data …) by kind, and trashed or automatic drafts. */
  skippedTypes: Map<string, number>;
  comments: WxrComments;
  /** Custom fields by name, with how many items carry each. */
  customFields: Map<string, number>;
  postFormats: Map<string, number>;
  otherTaxonomies: Map<string, number>;
  repairs: ReadRepairs;
  /** Ids of the items taken (posts, pages, attachments, reusable blocks), to notice an export that repeats one. */
  ids: Set<string>;
}

/** Item kinds whose content never belongs to a magazine's pieces. */
const CONTENT_TYPES = new Set(['post', 'page']);
/** Custom fields that only record WordPress's own bookkeeping; nothing to report about them. */
const BOOKKEEPING_FIELDS =
  /^(_edit_lock|_edit_last|_encloseme|_pingme|_wp_old_date|_wp_trash_meta_.*|_menu_item_.*|_oembed_.*|_wp_attachment_metadata|_wp_attached_file|_wp_page_template|_publicize_.*|_wpas_.*|_jetpack_.*|_wp_desired_post_slug|_last_editor_used_jetpack|_wp_attachment_backup_sizes|_attachment_original_parent_id|_wp_attachment_image_alt|_thumbnail_id|_wp_old_slug|footnotes)$/;
const VOLATILE_FIELDS = /^(_edit_lock|_edit_last|_encloseme|_pingme)$/;

/** Reads the export once from start to end: the site, authors, terms, attachments and an entry per post or page. */
export async function scanExport(file: string, onProgress?: ImportProgress): Promise<ExportIndex> {
  const repairs: ReadRepairs = { droppedCharacters: 0, unreadableCharacters: 0 };
  let site: WxrSite | undefined;
  const index: Omit<ExportIndex, 'site'> = {
    authors: new Map(),
    creators: new Set(),
    terms: [],
    usedTerms: new Map(),
    attachments: new Map(),
    attachmentsByParent: new Map(),
    entries: [],
    reusable: new Map(),
    skippedTypes: new Map(),
    comments: { approved: 0, pending: 0, spam: 0, trash: 0, pings: 0 },
    customFields: new Map(),
    postFormats: new Map(),
    otherTaxonomies: new Map(),
    repairs,
    ids: new Set(),
  };
  const onBytes = onProgress && ((read: number, total: number) => onProgress('Reading the export', read, total));
  for await (const entry of readWxr(file, { onBytes, repairs })) {
    switch (entry.kind) {
      case 'site':
        site = entry.site;
        break;
      case 'author':
        if (entry.author.login) index.authors.set(entry.author.login, entry.author);
        break;
      case 'term':
        index.terms.push(entry.term);
        break;
      case 'item':
        addItem(index, entry.item);
        break;
    }
  }
  for (const attachment of index.attachments.values()) {
    const siblings = index.attachmentsByParent.get(attachment.parent) ?? [];
    siblings.push(attachment);
    index.attachmentsByParent.set(attachment.parent, siblings);
  }
  for (const siblings of index.attachmentsByParent.values()) siblings.sort((a, b) => a.menuOrder - b.menuOrder || Number(a.id) - Number(b.id));
  return { site: site!, ...index };
}

function addItem(index: Omit<ExportIndex, 'site'>, item: WxrItem): void {
  const type = item.type || 'post';
  for (const kind of ['approved', 'pending', 'spam', 'trash', 'pings'] as const) index.comments[kind] += item.comments[kind];
  const taken = type === 'attachment' || type === 'wp_block' || (CONTENT_TYPES.has(type) && !['trash', 'auto-draft', 'inherit'].includes(item.status));
  if (!taken) {
    const label = CONTENT_TYPES.has(type) ? `${type}s (${item.status})` : type;
    index.skippedTypes.set(label, (index.skippedTypes.get(label) ?? 0) + 1);
    return;
  }
  if (seen(index, item)) return;
  if (type === 'attachment') {
    index.attachments.set(item.id, {
      id: item.id,
      url: item.attachmentUrl || item.guid,
      title: plainText(item.title),
      alt: plainText(meta(item, '_wp_attachment_image_alt')),
      caption: plainText(item.excerpt),
      parent: item.parent,
      menuOrder: Number(item.menuOrder) || 0,
      attachedFile: meta(item, '_wp_attached_file'),
      link: item.link,
    });
    return;
  }
  if (type === 'wp_block') {
    index.reusable.set(item.id, item.content);
    return;
  }
  if (item.creator) index.creators.add(item.creator);
  for (const term of item.terms) {
    const domain = term.domain === 'tag' ? 'post_tag' : term.domain;
    if (domain === 'category' || domain === 'post_tag') {
      const key = `${domain}:${term.slug || term.name}`;
      if (!index.usedTerms.has(key)) index.usedTerms.set(key, { id: '', taxonomy: domain, slug: term.slug, parent: '', name: term.name, description: '' });
    } else if (domain === 'post_format') {
      index.postFormats.set(term.slug, (index.postFormats.get(term.slug) ?? 0) + 1);
    } else {
      index.otherTaxonomies.set(domain, (index.otherTaxonomies.get(domain) ?? 0) + 1);
    }
  }
  for (const key of new Set(item.meta.map((m) => m.key))) {
    if (!BOOKKEEPING_FIELDS.test(key)) index.customFields.set(key, (index.customFields.get(key) ?? 0) + 1);
  }
  index.entries.push({
    id: item.id,
    line: item.line,
    type: type as 'post' | 'page',
    status: item.status,
    name: item.name,
    link: item.link,
    title: plainText(item.title).slice(0, 80),
    thumbnailId: meta(item, '_thumbnail_id'),
    oldSlugs: item.meta
      .filter((m) => m.key === '_wp_old_slug')
      .map((m) => m.value.trim())
      .filter(Boolean),
    fingerprint: fingerprint(item),
  });
}

/** How items whose id an earlier item already has are counted among the skipped. */
export const REPEATED = 'repeated id';

/** True (and counted) for an item whose id an earlier item of the export already has: the first one is taken. */
function seen(index: Omit<ExportIndex, 'site'>, item: WxrItem): boolean {
  const twice = index.ids.has(item.id);
  index.ids.add(item.id);
  if (twice) index.skippedTypes.set(REPEATED, (index.skippedTypes.get(REPEATED) ?? 0) + 1);
  return twice;
}

export function meta(item: WxrItem, key: string): string {
  return item.meta.find((m) => m.key === key)?.value.trim() ?? '';
}

/** A digest of what the import reads of an item; WordPress's own bookkeeping is left out. */
export function fingerprint(item: WxrItem): string {
  const { line: _line, comments: _comments, approvedComments: _approved, ...read } = item;
  const kept = { ...read, meta: read.meta.filter((m) => !VOLATILE_FIELDS.test(m.key)) };
  return createHash('sha256').update(JSON.stringify(kept)).digest('base64url');
}
