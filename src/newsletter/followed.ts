// Imported file by file, not through the domain index: worker threads load message.builder.ts, which uses this.
import type { EmailItem } from '../email/render.js';

/** One piece a digest recipient may get under "From what you follow", made once per send. */
export interface FollowedPiece {
  /** What the piece is about that can be followed (`tag:3`, `author:7`, `person:12`, `work:5`). */
  targets: string[];
  html: string;
  text: string;
}

/** The pieces of a digest's period left out of its main list, for the readers who follow what they are about. */
export interface FollowedSection {
  heading: { html: string; text: string };
  pieces: FollowedPiece[];
}

const NOTHING = Object.freeze({ html: '', text: '' });

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The section's heading, in the look of the digest's section headings. */
export function followedHeading(heading: string, accentColor: string): FollowedSection['heading'] {
  return {
    html: `<div style="margin:12px 24px 0;padding:16px 0 4px;border-top:1px solid #e5e0d8;font-family:system-ui,sans-serif;font-size:13px;font-weight:700;color:${escape(accentColor)}">${escape(heading)}</div>`,
    text: `${heading.toUpperCase()}\n${'-'.repeat(Math.min(heading.length, 60))}\n\n`,
  };
}

/** A piece as the section lists it: its title (linked), byline and teaser; never the whole piece. */
export function followedPiece(item: EmailItem, targets: string[]): FollowedPiece {
  const byline = item.byline ? `<div style="font-family:system-ui,sans-serif;font-size:13px;color:#666666">${escape(item.byline)}</div>` : '';
  return {
    targets,
    html: `<div style="padding:10px 24px"><a href="${escape(item.url)}" style="font-size:19px;font-weight:700;line-height:1.3">${escape(item.title)}</a>${byline}<div style="font-size:15px">${escape(item.excerpt)}</div></div>`,
    text: `${[item.title, ...(item.byline ? [item.byline] : []), item.excerpt, item.url].join('\n')}\n\n`,
  };
}

/**
 * Each recipient's "From what you follow", made once per set of pieces it holds: recipients who
 * follow the same things share one, so a big list costs a lookup per recipient, not a rendering.
 */
export class FollowedSections {
  private readonly made = new Map<string, { html: string; text: string }>();

  constructor(private readonly section: FollowedSection | undefined) {}

  for(followed: ReadonlySet<string> | undefined): { html: string; text: string } {
    if (!this.section || !followed || followed.size === 0) return NOTHING;
    const chosen = this.section.pieces.flatMap((piece, index) => (piece.targets.some((t) => followed.has(t)) ? [index] : []));
    if (chosen.length === 0) return NOTHING;
    const key = chosen.join(',');
    let found = this.made.get(key);
    if (!found) {
      const pieces = chosen.map((i) => this.section!.pieces[i]!);
      found = { html: this.section.heading.html + pieces.map((p) => p.html).join(''), text: this.section.heading.text + pieces.map((p) => p.text).join('') };
      this.made.set(key, found);
    }
    return found;
  }
}
