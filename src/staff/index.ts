export { UserService, userInput, inviteInput, roleChangeInput } from './user.service.js';
export {
  StaffAuthService,
  SESSION_DAYS,
  STAFF_LINK_JOB,
  linkBuilder,
  signInInput,
  setupInput,
  acceptInviteInput,
  linkRequestInput,
  resetInput,
  signInLinkInput,
} from './auth.service.js';
export type { SignedIn, LinkBuilder } from './auth.service.js';
export { signInLimits } from './sign-in-throttle.js';
export { ApiKeyService, apiKeyInput } from './api-key.service.js';
export type { ApiKey } from './api-key.types.js';
export { ContentKeyService, contentKeyInput } from './content-key.service.js';
export type { ContentKey } from './content-key.types.js';
export { authorize, can, atLeast, postScope } from './policy.js';
export type { Action, OwnedPost, PostScope } from './policy.js';
export { staffRoles } from './user.types.js';
export type { StaffUser, StaffRole } from './user.types.js';
