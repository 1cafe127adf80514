import type { PlacedImage } from './body.types.js';
import type { MediaNeed } from './media.gather.js';
import { IMAGE_FILE, mediaKey, originalKey, sourceOf } from './media-key.js';
import type { Attachment } from './scan.js';
import type { OldSite } from './addresses.js';

/**
 * Which images the import brings over and where each ended up: every image the export lists as
 * an upload, and images bodies show from the old site that it does not list (partial exports).
 * A resized copy (`photo-300x200.jpg`) counts as its original. Images from other sites stay
 * where they are.
 */
export class ImageCatalogue {
  /** By need key: an uploaded file's own key, or the original's key for images only bodies show. */
  readonly needs = new Map<string, MediaNeed>();
  /** Where each image (by need key) now is. */
  readonly placed = new Map<string, PlacedImage>();
  /** Images shown from other sites, by host. */
  readonly elsewhere = new Map<string, number>();
  private readonly hosts: Set<string>;
  /** Need keys by the exact key of an address, and by the key of its original. */
  private readonly exact = new Map<string, string>();
  private readonly originals = new Map<string, string>();

  constructor(
    private readonly attachments: Map<string, Attachment>,
    site: OldSite,
    private readonly siteOrigin: string,
  ) {
    this.hosts = new Set(site.hosts);
    for (const attachment of attachments.values()) {
      const key = mediaKey(attachment.url);
      if (!key || this.needs.has(key)) continue;
      const host = sourceOf(attachment.url)?.host;
      if (host) this.hosts.add(host);
      this.needs.set(key, { key, externalId: `attachment:${attachment.id}`, attachment, urls: [attachment.url] });
      this.exact.set(key, key);
    }
    for (const key of this.exact.keys()) if (!this.originals.has(originalKey(key))) this.originals.set(originalKey(key), key);
  }

  /** Hosts images may be fetched from: the old site's and its uploads'. */
  get mediaHosts(): Set<string> {
    return this.hosts;
  }

  /** Notes an image a body shows, to bring it over with the rest; images of other sites are only counted. */
  request(address: string, attachmentId?: string): void {
    const url = this.absolute(address);
    const key = url ? mediaKey(url) : null;
    if (!url || !key) return;
    const known = this.needKey(key, attachmentId);
    if (known) {
      const need = this.needs.get(known)!;
      if (!need.urls.includes(url)) need.urls.push(url);
      return;
    }
    const host = sourceOf(url)?.host ?? '';
    if (!this.hosts.has(host)) {
      this.elsewhere.set(host, (this.elsewhere.get(host) ?? 0) + 1);
      return;
    }
    const needKey = originalKey(key);
    const need = this.needs.get(needKey) ?? { key: needKey, externalId: `file:${needKey}`, urls: [] };
    const original = url.replace(/-\d{1,5}x\d{1,5}(\.[a-z]+)(\?.*)?$/i, '$1');
    for (const candidate of [original, url]) if (!need.urls.includes(candidate)) need.urls.push(candidate);
    this.needs.set(needKey, need);
    this.exact.set(key, needKey);
    if (!this.originals.has(needKey)) this.originals.set(needKey, needKey);
  }

  /** Where an image a body shows is now, if it was brought over. */
  find(address: string, attachmentId?: string): PlacedImage | null {
    const url = this.absolute(address);
    const key = url ? mediaKey(url) : null;
    const needKey = key ? this.needKey(key, attachmentId) : undefined;
    return needKey ? (this.placed.get(needKey) ?? null) : null;
  }

  /** Where an attachment's image is now, if it is an image and was brought over. */
  ofAttachment(id: string): PlacedImage | null {
    const attachment = this.attachments.get(id);
    const key = attachment && IMAGE_FILE.test(attachment.url.split('?')[0]!) ? mediaKey(attachment.url) : null;
    return key ? (this.placed.get(key) ?? null) : null;
  }

  /** The need an address belongs to: the file itself, the attachment the page names, or the original it was resized from. */
  private needKey(key: string, attachmentId?: string): string | undefined {
    const exact = this.exact.get(key);
    if (exact) return exact;
    const named = attachmentId ? this.attachments.get(attachmentId) : undefined;
    const namedKey = named ? mediaKey(named.url) : null;
    if (namedKey && originalKey(namedKey) === originalKey(key)) return namedKey;
    return this.originals.get(originalKey(key));
  }

  private absolute(address: string): string | null {
    const trimmed = address.trim();
    if (/^https?:\/\//i.test(trimmed)) return trimmed;
    if (trimmed.startsWith('//')) return `https:${trimmed}`;
    if (trimmed.startsWith('/') && this.siteOrigin) return `${this.siteOrigin}${trimmed}`;
    return null;
  }
}
