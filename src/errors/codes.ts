/** Every error the domain can raise. Each has an HTTP status in http-status.ts and a line in docs/api-errors.md. */
export const errorCodes = {
  VALIDATION_FAILED: 'The input is not valid; see the field errors.',
  NOT_FOUND: 'Nothing exists at that address.',
  POST_NOT_FOUND: 'No post has that id or slug.',
  TAG_NOT_FOUND: 'No tag has that id or slug.',
  AUTHOR_NOT_FOUND: 'No author has that id or slug.',
  WORK_NOT_FOUND: 'No reviewed work has that id or slug.',
  PERSON_NOT_FOUND: 'No person has that id or slug.',
  USER_NOT_FOUND: 'No staff user has that id or email.',
  SLUG_TAKEN: 'Another item already uses that slug.',
  EMAIL_TAKEN: 'Another staff user already uses that email address.',
  REVISION_CONFLICT: 'Someone else saved this item since you opened it.',
  INVALID_TRANSITION: 'The item cannot move to that status from its current one.',
  IMPORT_INVALID: 'The import file is not a valid Masthead export.',
  IMPORT_TARGET_NOT_EMPTY: 'Imports go into an empty site.',
} as const;

export type ErrorCode = keyof typeof errorCodes;
