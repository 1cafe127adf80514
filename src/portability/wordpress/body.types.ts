/** An image of the old site as it now stands in the media library. */
export interface PlacedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** An attachment of the old site (an uploaded file), as the export describes it. */
export interface AttachmentInfo {
  id: string;
  url: string;
  title: string;
  alt: string;
  caption: string;
  parent: string;
  menuOrder: number;
}

/** What converting a body needs to know about the rest of the import. */
export interface BodyContext {
  /** The WordPress id of the post being converted (galleries without ids show its attachments). */
  postId: string;
  /** Where an image of the old site is now; null when it could not be brought over (the old address stays). */
  image(url: string, attachmentId?: string): PlacedImage | null;
  attachment(id: string): AttachmentInfo | undefined;
  attachmentsOf(postId: string): AttachmentInfo[];
  /** The new address of a link into the old site (a post, an archive, a file), or null to keep it as it is. */
  link(url: string): string | null;
  /** The content of a reusable block (a `wp_block` item of the export). */
  reusable(id: string): string | undefined;
  /** Footnotes stored beside the content (the `footnotes` custom field), as the block editor keeps them. */
  footnotes: Array<{ id: string; content: string }>;
}

/** Tells what deserves mention in the report: what happened, and to what (a block's or a provider's name). */
export type Issue = (what: string, detail?: string) => void;

/** A converted body and what deserves mention: for each thing that happened, how often, by detail. */
export interface ConvertedBody {
  html: string;
  issues: Map<string, Map<string, number>>;
}

/** The issues of a body as sentences: `embeds became links: twitter.com ×2, instagram.com`. */
export function describeIssues(issues: ConvertedBody['issues']): string[] {
  return [...issues.entries()].map(([what, details]) => {
    const named = [...details.entries()].filter(([detail]) => detail !== '');
    const times = (n: number) => (n > 1 ? ` ×${n}` : '');
    if (named.length > 0) return `${what}: ${named.map(([detail, n]) => `${detail}${times(n)}`).join(', ')}`;
    const n = details.get('') ?? 0;
    return n > 1 ? `${what} (${n} times)` : what;
  });
}
