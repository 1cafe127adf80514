export { UserService, userInput } from './user.service.js';
export { staffRoles } from './user.types.js';
export type { StaffUser, StaffRole } from './user.types.js';
