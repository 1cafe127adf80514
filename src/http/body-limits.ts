/**
 * How large a request body the server reads whole. Bodies anyone may send (sign-in, signups,
 * member forms) are small, so a stranger cannot make the server buffer and parse much; staff
 * routes refuse strangers before reading, and their JSON holds at most a long post.
 */
export const bodyLimits = {
  /** The default for every route: forms and JSON from readers and strangers. */
  public: 64 * 1024,
  /** JSON of signed-in staff: a post body at its longest (MAX_BODY_CHARS characters of up to 3 bytes) fits. */
  staff: 2 * 1024 * 1024,
} as const;
