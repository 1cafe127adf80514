/** The site an export comes from, as its channel describes it. */
export interface WxrSite {
  title: string;
  /** The site's address (the channel link). */
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  /** 1.0, 1.1 or 1.2. */
  version: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  description: string;
}

/** A category, tag or other term; `parent` is the parent's slug (categories nest). */
export interface WxrTerm {
  id: string;
  taxonomy: string;
  slug: string;
  parent: string;
  name: string;
  description: string;
}

export interface WxrComments {
  approved: number;
  pending: number;
  spam: number;
  trash: number;
  /** Pingbacks and trackbacks. */
  pings: number;
}

/** An approved reader's comment on an item (`wp:comment`); pingbacks and trackbacks are not kept. */
export interface WxrComment {
  id: string;
  /** The id of the comment it answers; `0` or empty for a top-level comment. */
  parent: string;
  author: string;
  authorEmail: string;
  /** `wp:comment_date_gmt`, e.g. 2021-03-04 10:20:30. */
  dateGmt: string;
  /** As WordPress stored it: text with a few inline tags. */
  content: string;
}

/** One `<item>`: a post, page, attachment, menu entry or anything else WordPress stores as a post. */
export interface WxrItem {
  /** Line of the file where the item starts, for messages. */
  line: number;
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  id: string;
  postDate: string;
  postDateGmt: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: string;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  /** Categories, tags, post formats and other terms, by taxonomy (the `domain` attribute). */
  terms: Array<{ domain: string; slug: string; name: string }>;
  /** Custom fields; very long values are cut (`truncated`), as nothing here reads them whole. */
  meta: Array<{ key: string; value: string; truncated: boolean }>;
  comments: WxrComments;
  /** Its approved comments, in the order of the file. */
  approvedComments: WxrComment[];
}

export type WxrEntry = { kind: 'site'; site: WxrSite } | { kind: 'author'; author: WxrAuthor } | { kind: 'term'; term: WxrTerm } | { kind: 'item'; item: WxrItem };
