/** Who may comment: nobody, signed-in members, or members with a paid subscription. */
export const commentAccesses = ['off', 'members', 'paid'] as const;
export type CommentAccess = (typeof commentAccesses)[number];

export const commentStatuses = ['pending', 'approved', 'hidden'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export interface Comment {
  id: number;
  postId: number;
  /** The top-level comment this one replies to; null for a top-level comment. */
  parentId: number | null;
  /** Null for a comment brought in by an import from someone who is not a member. */
  memberId: number | null;
  authorName: string;
  /** Plain text as typed (line breaks kept); escaped and auto-linked wherever it is shown. */
  body: string;
  status: CommentStatus;
  createdAt: string;
}

/** A top-level comment with its replies, as readers see them. */
export interface Thread extends Comment {
  replies: Comment[];
}

/** The member who writes a comment, as the HTTP layer knows them from their session. */
export interface Commenter {
  memberId: number;
  name: string;
  /** Whether their subscription gives paid access today. */
  paid: boolean;
}

/** The piece commented on, as far as the rules need it. */
export interface CommentedPiece {
  id: number;
  /** Posts take comments; static pages never do. */
  type: string;
  status: string;
  visibility: 'public' | 'members' | 'paid';
}

/** What became of a comment sent by a reader. */
export type CommentOutcome =
  | { kind: 'approved'; comment: Comment }
  | { kind: 'pending'; comment: Comment }
  /** Caught by the hidden field only bots fill in: nothing is kept, and the sender is told no more than if it waited. */
  | { kind: 'discarded' };

/** A comment in the moderation list, with the piece it belongs to. */
export interface ModeratedComment extends Comment {
  post: { id: number; slug: string; title: string };
  memberEmail: string | null;
  memberStopped: boolean;
}
