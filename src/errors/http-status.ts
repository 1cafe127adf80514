import type { ErrorCode } from './codes.js';

/** The only place that turns a domain error into an HTTP status. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  POST_NOT_FOUND: 404,
  TAG_NOT_FOUND: 404,
  AUTHOR_NOT_FOUND: 404,
  WORK_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  REVISION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IMPORT_INVALID: 400,
  IMPORT_TARGET_NOT_EMPTY: 409,
};
