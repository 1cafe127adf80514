import type { SaxesTagNS } from 'saxes';
import type { WxrAuthor, WxrComment, WxrItem, WxrSite, WxrTerm } from './wxr.types.js';

// The names WXR gives things, and which field of an entry each element fills.

export const WP_NS = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
/** Prefixes some exports use without declaring them. */
export const FALLBACK_PREFIXES: Record<string, string> = {
  wp: 'http://wordpress.org/export/1.2/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: CONTENT_NS,
  dc: DC_NS,
  wfw: 'http://wellformedweb.org/CommentAPI/',
};

/** An element name with its namespace written as the prefix WordPress uses: `wp:post_id`, `content:encoded`. */
export function nameOf(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  if (WP_NS.test(tag.uri)) return `wp:${tag.local}`;
  if (EXCERPT_NS.test(tag.uri)) return `excerpt:${tag.local}`;
  if (tag.uri === CONTENT_NS) return `content:${tag.local}`;
  if (tag.uri === DC_NS) return `dc:${tag.local}`;
  return `other:${tag.local}`;
}

export const itemFields: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  pubDate: 'pubDate',
  'dc:creator': 'creator',
  guid: 'guid',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'id',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_name': 'name',
  'wp:status': 'status',
  'wp:post_parent': 'parent',
  'wp:menu_order': 'menuOrder',
  'wp:post_type': 'type',
  'wp:post_password': 'password',
  'wp:is_sticky': 'sticky',
  'wp:attachment_url': 'attachmentUrl',
};
export const authorFields: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id',
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName',
  'wp:author_last_name': 'lastName',
  'wp:author_description': 'description',
};
/** The parts of a `wp:comment` kept for import (its status and type are read on their own). */
export const commentFields: Record<string, keyof WxrComment> = {
  'wp:comment_id': 'id',
  'wp:comment_parent': 'parent',
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'authorEmail',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
};
export const termFields: Record<string, keyof WxrTerm> = {
  'wp:term_id': 'id',
  'wp:category_nicename': 'slug',
  'wp:tag_slug': 'slug',
  'wp:term_slug': 'slug',
  'wp:category_parent': 'parent',
  'wp:term_parent': 'parent',
  'wp:cat_name': 'name',
  'wp:tag_name': 'name',
  'wp:term_name': 'name',
  'wp:category_description': 'description',
  'wp:tag_description': 'description',
  'wp:term_description': 'description',
  'wp:term_taxonomy': 'taxonomy',
};
export const siteFields: Record<string, keyof WxrSite> = {
  title: 'title',
  link: 'link',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
  'wp:wxr_version': 'version',
};

export function emptyItem(line: number): WxrItem {
  return {
    line,
    title: '',
    link: '',
    pubDate: '',
    creator: '',
    guid: '',
    content: '',
    excerpt: '',
    id: '',
    postDate: '',
    postDateGmt: '',
    name: '',
    status: '',
    parent: '',
    menuOrder: '',
    type: '',
    password: '',
    sticky: false,
    attachmentUrl: '',
    terms: [],
    meta: [],
    comments: { approved: 0, pending: 0, spam: 0, trash: 0, pings: 0 },
    approvedComments: [],
  };
}
