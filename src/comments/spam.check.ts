import { linksIn } from './comment.text.js';

/** What a spam check is given: the new comment's text and the same member's recent ones. */
export interface SpamCandidate {
  body: string;
  earlier: string[];
}

/** A check's answer: hold the comment for an editor, and why (for the moderation queue). */
export interface SpamVerdict {
  hold: boolean;
  reason?: 'links' | 'repeated' | 'words' | 'shouting';
}

/**
 * Decides whether a comment waits for an editor. The local check below is the default; a
 * magazine can wire in another (a hosted service) with the same shape.
 */
export interface SpamCheck {
  check(candidate: SpamCandidate): Promise<SpamVerdict>;
}

const MAX_LINKS = 3;
/** Words seen in comment spam and nowhere in criticism. Matched as whole words, any case. */
const BAD_WORDS = ['viagra', 'cialis', 'casino', 'porn', 'payday', 'escort', 'replica watches', 'crypto giveaway', 'seo services', 'backlinks'];
const BAD = new RegExp(`\\b(?:${BAD_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Spam signs that need no outside service: many links, the same text again, known spam words, shouting. */
export const localSpamCheck: SpamCheck = {
  async check({ body, earlier }) {
    if (linksIn(body).length > MAX_LINKS) return { hold: true, reason: 'links' };
    const text = normalised(body);
    if (earlier.some((e) => normalised(e) === text)) return { hold: true, reason: 'repeated' };
    if (BAD.test(body)) return { hold: true, reason: 'words' };
    const letters = body.match(/\p{L}/gu) ?? [];
    const capitals = body.match(/\p{Lu}/gu) ?? [];
    if (letters.length >= 12 && capitals.length / letters.length > 0.8) return { hold: true, reason: 'shouting' };
    return { hold: false };
  },
};
