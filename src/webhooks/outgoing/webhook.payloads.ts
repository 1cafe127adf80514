import type { ContentChange, Post } from '../../content/index.js';
import type { Member } from '../../members/index.js';
import type { Subscriber } from '../../subscribers/index.js';
import type { WebhookEvent } from './webhook.types.js';

/** Which webhook event, if any, a change of a post's status is. Drafts changing send nothing. */
export function postEvent(status: NonNullable<ContentChange['status']>): WebhookEvent | null {
  const { before, after } = status;
  if (after === null) return before === null ? null : 'post.deleted';
  if (after === 'published') return before === 'published' ? 'post.updated' : 'post.published';
  return before === 'published' ? 'post.unpublished' : null;
}

/**
 * What a receiver learns of a post: what any reader could see of it in a listing. No body,
 * excerpt or html, since those of a members-only piece are not public. A deleted post has no URL.
 */
export function postData(post: Post, publicUrl: string | null) {
  return {
    post: {
      id: post.id,
      type: post.type,
      slug: post.slug,
      title: post.title,
      status: post.status,
      visibility: post.visibility,
      url: publicUrl !== null && post.status === 'published' ? `${publicUrl}/${post.slug}/` : null,
      publishedAt: post.publishedAt,
      updatedAt: post.updatedAt,
      tags: post.tags.map((tag) => tag.slug),
      authors: post.authors.map((author) => author.slug),
    },
  };
}

export function memberData(member: Member) {
  return { member: { id: member.id, email: member.email, name: member.name, createdAt: member.createdAt } };
}

export function subscriberData(subscriber: Subscriber) {
  return {
    subscriber: {
      id: subscriber.id,
      email: subscriber.email,
      name: subscriber.name,
      status: subscriber.status,
      newsletters: subscriber.newsletters,
      confirmedAt: subscriber.confirmedAt,
    },
  };
}
