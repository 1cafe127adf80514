import { AppError } from '../errors/app-error.js';
import { staffRoles, type StaffRole, type StaffUser } from './user.types.js';

/**
 * Who may do what, and who sees what. Every admin endpoint asks here; nothing else decides about roles.
 *
 * Doing:
 * - contributor: writes and edits own drafts; uploads media and changes or deletes own uploads;
 *   reviews link a work in the library as it is, or describe a new one; cannot publish. Undoing the
 *   delete of an own piece brings it back as a draft.
 * - author: also publishes, schedules, unpublishes, deletes and restores own posts.
 * - editor: every post; pages, and turning a post into a page or back; the facts of works in the
 *   library (shared by every review of them); everyone's media; tags and sections, authors;
 *   invites authors and contributors.
 * - administrator: also site settings, staff, API keys, outgoing webhooks.
 * Seeing (post lists and their counts, filters and search, the bin, a post, its preview, the
 * dashboard's most viewed pieces):
 * - contributor: only pieces under their own byline.
 * - author: their own pieces, and whatever is published.
 * - editor, administrator: everything. A piece's earlier versions: its authors, editors and administrators.
 * Memberships and newsletters: editors see plans and members, run print issues and newsletters;
 * administrators change plans (prices are money matters) and add or edit members. Editors export
 * and erase a member's data on request, as they do a newsletter subscriber's.
 * Readers' comments: editors moderate them (and stop members from commenting); authors see those
 * on their own pieces; contributors none.
 * API keys act with their own role under the byline of the administrator who made them.
 */
export type Action =
  | { do: 'post.create' }
  | { do: 'post.read'; post: OwnedPost }
  | { do: 'post.history'; post: OwnedPost }
  | { do: 'post.edit'; post: OwnedPost }
  | { do: 'post.publish'; post: OwnedPost }
  | { do: 'post.delete'; post: OwnedPost }
  | { do: 'post.editAll' }
  | { do: 'page.manage' }
  | { do: 'work.edit'; work: { title: string } }
  | { do: 'taxonomy.manage' }
  | { do: 'staff.view' }
  | { do: 'staff.invite'; role: StaffRole }
  | { do: 'staff.manage' }
  | { do: 'settings.manage' }
  | { do: 'apiKeys.manage' }
  | { do: 'webhooks.manage' }
  | { do: 'imports.run' }
  | { do: 'media.upload' }
  | { do: 'media.edit'; media: { uploadedBy: number | null } }
  | { do: 'media.delete'; media: { uploadedBy: number | null } }
  | { do: 'dashboard.view' }
  | { do: 'members.view' }
  | { do: 'members.manage' }
  | { do: 'members.erase' }
  | { do: 'plans.manage' }
  | { do: 'offers.manage' }
  | { do: 'print.manage' }
  | { do: 'newsletter.manage' }
  | { do: 'comments.view' }
  | { do: 'comments.moderate' };

/** What the policy needs to know about a post: its bylines and where it is in its life. */
export interface OwnedPost {
  type: 'post' | 'page';
  status: string;
  authorIds: number[];
}

/**
 * Which posts and pages a user sees: all of them, or those under their byline (authorId) plus,
 * when `published`, every published one. Lists filter by this; single reads ask 'post.read'.
 */
export type PostScope = { all: true } | { all: false; authorId: number | null; published: boolean };

export function postScope(user: StaffUser): PostScope {
  if (atLeast(user.role, 'editor')) return { all: true };
  return { all: false, authorId: user.authorId, published: user.role === 'author' };
}

export function rank(role: StaffRole): number {
  return staffRoles.indexOf(role);
}

export function atLeast(role: StaffRole, minimum: StaffRole): boolean {
  return rank(role) >= rank(minimum);
}

export function weaker(a: StaffRole, b: StaffRole): StaffRole {
  return rank(a) <= rank(b) ? a : b;
}

function owns(user: StaffUser, post: OwnedPost): boolean {
  return user.authorId !== null && post.authorIds.includes(user.authorId);
}

export function can(user: StaffUser, action: Action): boolean {
  const role = user.role;
  switch (action.do) {
    case 'post.create':
    case 'media.upload':
    case 'dashboard.view':
      return true;
    case 'post.read': {
      const scope = postScope(user);
      return scope.all || owns(user, action.post) || (scope.published && action.post.status === 'published');
    }
    case 'post.history':
      return atLeast(role, 'editor') || owns(user, action.post);
    case 'post.edit':
      if (atLeast(role, 'editor')) return true;
      if (action.post.type === 'page' || !owns(user, action.post)) return false;
      return role === 'author' || action.post.status === 'draft';
    case 'post.publish':
    case 'post.delete':
      if (atLeast(role, 'editor')) return true;
      if (action.post.type === 'page') return false;
      if (role === 'contributor') return action.do === 'post.delete' && action.post.status === 'draft' && owns(user, action.post);
      return owns(user, action.post);
    case 'post.editAll':
    case 'page.manage':
    case 'work.edit':
    case 'taxonomy.manage':
    case 'staff.view':
    case 'members.view':
    case 'members.erase':
    case 'offers.manage':
    case 'print.manage':
    case 'newsletter.manage':
    case 'comments.moderate':
      return atLeast(role, 'editor');
    case 'comments.view':
      return atLeast(role, 'author');
    case 'staff.invite':
      return role === 'administrator' || (role === 'editor' && rank(action.role) <= rank('author'));
    case 'staff.manage':
    case 'settings.manage':
    case 'apiKeys.manage':
    case 'webhooks.manage':
    case 'imports.run':
    case 'plans.manage':
    case 'members.manage':
      return role === 'administrator';
    case 'media.edit':
    case 'media.delete':
      return atLeast(role, 'editor') || action.media.uploadedBy === user.id;
  }
}

type Refusal<A extends Action> = string | ((action: A, user: StaffUser) => string);

const refusals: { [K in Action['do']]: Refusal<Extract<Action, { do: K }>> } = {
  'post.create': 'You cannot create posts.',
  'post.read': (_action, user) => (user.role === 'author' ? 'Authors see their own posts and published ones.' : 'Contributors see only their own posts.'),
  'post.history': "Only the post's authors, editors and administrators see its earlier versions.",
  'post.edit': 'You can only edit your own drafts.',
  'post.publish': 'Your role cannot publish this post; ask an editor.',
  'post.delete': 'Your role cannot delete this post.',
  'post.editAll': 'Only editors and administrators can do this.',
  'page.manage': 'Only editors and administrators manage pages, or turn a post into a page or back.',
  'work.edit': ({ work }) =>
    `“${work.title}” is already in the library and its facts are shared by every review of it, so only editors and administrators change them. ` +
    'Link it as it is, or, if yours is a different work, describe it under another title or year.',
  'taxonomy.manage': 'Only editors and administrators manage tags, sections and authors.',
  'staff.view': 'Only editors and administrators see the staff list.',
  'staff.invite': 'Your role cannot invite someone with that role.',
  'staff.manage': 'Only administrators manage staff.',
  'settings.manage': 'Only administrators change site settings.',
  'apiKeys.manage': 'Only administrators manage API keys.',
  'webhooks.manage': 'Only administrators manage webhooks.',
  'imports.run': 'Only administrators import sites from other platforms.',
  'media.upload': 'You cannot upload media.',
  'media.edit': "Only editors, administrators and the uploader can change this file's alt text, caption and credit.",
  'media.delete': 'Only editors, administrators and the uploader can delete this file.',
  'dashboard.view': 'You cannot see the dashboard.',
  'members.view': 'Only editors and administrators see members and plans.',
  'members.manage': 'Only administrators add members or change their details.',
  'members.erase': "Only editors and administrators export or erase a member's data.",
  'plans.manage': 'Only administrators change membership plans.',
  'offers.manage': 'Only editors and administrators see, create and end offers.',
  'print.manage': 'Only editors and administrators manage print issues.',
  'newsletter.manage': 'Only editors and administrators manage newsletters, subscribers and sends.',
  'comments.view': 'Contributors do not see readers’ comments.',
  'comments.moderate': 'Only editors and administrators moderate comments.',
};

/** Throws FORBIDDEN, saying why, unless the user may do the action. */
export function authorize(user: StaffUser, action: Action): void {
  if (can(user, action)) return;
  const refusal = refusals[action.do] as Refusal<Action>;
  throw new AppError('FORBIDDEN', typeof refusal === 'string' ? refusal : refusal(action, user));
}
