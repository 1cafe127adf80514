export { FollowService, FOLLOW_EMAIL_JOB } from './follow.service.js';
export { FollowAlerts, FOLLOW_ALERT_JOB, FOLLOW_GATHER_JOB } from './alert.service.js';
export { followKinds } from './follow.types.js';
export type { Follow, FollowerCount, FollowKind, FollowTarget, Reader } from './follow.types.js';
export { exportFollows, portableFollow, restoreFollows, type PortableFollow } from './follow.portability.js';
