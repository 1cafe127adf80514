import { isAppError } from '../errors/app-error.js';

/** Whether an error refuses a form's email address (and nothing else), so the form can be shown again with a note at the field. */
export function refusedEmail(error: unknown): boolean {
  return isAppError(error) && error.code === 'VALIDATION_FAILED' && error.fields.length > 0 && error.fields.every((f) => f.field === 'email');
}

/**
 * The address a reader typed, to show it again in the form: cut to a length an address can have,
 * without control characters (a page may not carry them) or the half of a character the cut leaves.
 */
export function typedEmail(form: unknown): string {
  const value = typeof form === 'object' && form !== null ? (form as Record<string, unknown>).email : undefined;
  return typeof value === 'string' ? value.slice(0, 320).replace(/\p{Cc}|[\uD800-\uDBFF]$/gu, '') : '';
}
