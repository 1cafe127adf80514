import { AppError } from '../errors/app-error.js';
import { staffRoles, type StaffRole, type StaffUser } from './user.types.js';

/**
 * Who may do what. Every admin endpoint asks here; nothing else decides about roles.
 *
 * - contributor: writes and edits own drafts, uploads media; cannot publish.
 * - author: also publishes, schedules, unpublishes and deletes own posts.
 * - editor: every post, pages, tags and sections, authors; invites authors and contributors.
 * - administrator: also site settings, staff, API keys.
 * Memberships: editors see plans and members and run print issues; administrators change plans
 * (prices are money matters) and add or edit members.
 */
export type Action =
  | { do: 'post.create' }
  | { do: 'post.edit'; post: OwnedPost }
  | { do: 'post.publish'; post: OwnedPost }
  | { do: 'post.delete'; post: OwnedPost }
  | { do: 'post.editAll' }
  | { do: 'page.manage' }
  | { do: 'taxonomy.manage' }
  | { do: 'staff.view' }
  | { do: 'staff.invite'; role: StaffRole }
  | { do: 'staff.manage' }
  | { do: 'settings.manage' }
  | { do: 'apiKeys.manage' }
  | { do: 'media.upload' }
  | { do: 'media.delete'; media: { uploadedBy: number | null } }
  | { do: 'dashboard.view' }
  | { do: 'members.view' }
  | { do: 'members.manage' }
  | { do: 'plans.manage' }
  | { do: 'print.manage' }
  | { do: 'newsletter.manage' };

/** What the policy needs to know about a post: its bylines and where it is in its life. */
export interface OwnedPost {
  type: 'post' | 'page';
  status: string;
  authorIds: number[];
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
    case 'taxonomy.manage':
    case 'staff.view':
    case 'members.view':
    case 'print.manage':
    case 'newsletter.manage':
      return atLeast(role, 'editor');
    case 'staff.invite':
      return role === 'administrator' || (role === 'editor' && rank(action.role) <= rank('author'));
    case 'staff.manage':
    case 'settings.manage':
    case 'apiKeys.manage':
    case 'plans.manage':
    case 'members.manage':
      return role === 'administrator';
    case 'media.delete':
      return atLeast(role, 'editor') || action.media.uploadedBy === user.id;
  }
}

const refusals: Record<Action['do'], string> = {
  'post.create': 'You cannot create posts.',
  'post.edit': 'You can only edit your own drafts.',
  'post.publish': 'Your role cannot publish this post; ask an editor.',
  'post.delete': 'Your role cannot delete this post.',
  'post.editAll': 'Only editors and administrators can do this.',
  'page.manage': 'Only editors and administrators manage pages.',
  'taxonomy.manage': 'Only editors and administrators manage tags, sections and authors.',
  'staff.view': 'Only editors and administrators see the staff list.',
  'staff.invite': 'Your role cannot invite someone with that role.',
  'staff.manage': 'Only administrators manage staff.',
  'settings.manage': 'Only administrators change site settings.',
  'apiKeys.manage': 'Only administrators manage API keys.',
  'media.upload': 'You cannot upload media.',
  'media.delete': 'Only editors, administrators and the uploader can delete this file.',
  'dashboard.view': 'You cannot see the dashboard.',
  'members.view': 'Only editors and administrators see members and plans.',
  'members.manage': 'Only administrators add members or change their details.',
  'plans.manage': 'Only administrators change membership plans.',
  'print.manage': 'Only editors and administrators manage print issues.',
  'newsletter.manage': 'Only editors and administrators manage newsletters, subscribers and sends.',
};

/** Throws FORBIDDEN, saying why, unless the user may do the action. */
export function authorize(user: StaffUser, action: Action): void {
  if (!can(user, action)) throw new AppError('FORBIDDEN', refusals[action.do]);
}
