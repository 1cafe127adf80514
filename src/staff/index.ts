export { UserService, userInput, inviteInput, roleChangeInput } from './user.service.js';
export { StaffAuthService, SESSION_DAYS, signInLimits, signInInput, setupInput, acceptInviteInput, resetRequestInput, resetInput } from './auth.service.js';
export type { SignedIn, LinkBuilder } from './auth.service.js';
export { ApiKeyService, apiKeyInput } from './api-key.service.js';
export type { ApiKey } from './api-key.types.js';
export { authorize, can, atLeast } from './policy.js';
export type { Action, OwnedPost } from './policy.js';
export { staffRoles } from './user.types.js';
export type { StaffUser, StaffRole } from './user.types.js';
