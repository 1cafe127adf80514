export { CommentService } from './comment.service.js';
export { CommentEmails } from './comment.emails.js';
export type { EmailRecipient } from './comment.emails.js';
export { commentHtml } from './comment.text.js';
export { localSpamCheck } from './spam.check.js';
export type { SpamCheck, SpamCandidate, SpamVerdict } from './spam.check.js';
export { MAX_COMMENT_CHARS } from './comment.schema.js';
export { commentAccesses, commentStatuses } from './comment.types.js';
export type { Comment, CommentAccess, CommentStatus, Commenter, CommentOutcome, ModeratedComment, Thread } from './comment.types.js';
export { importComments } from './comment.import.js';
export type { ImportedComment } from './comment.import.js';
export {
  exportComments,
  exportCommentAccess,
  exportCommentBans,
  exportCommentOptOuts,
  portableComment,
  portableCommentAccess,
  portableCommentBan,
  portableCommentOptOut,
  restoreComments,
  restoreCommentAccess,
  restoreCommentBans,
  restoreCommentOptOuts,
} from './comment.portability.js';
export type { PortableComment, PortableCommentAccess, PortableCommentBan, PortableCommentOptOut } from './comment.portability.js';
