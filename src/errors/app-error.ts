import { errorCodes, type ErrorCode } from './codes.js';

export interface FieldError {
  /** Dotted path of the field, e.g. "review.credits.0.name". */
  field: string;
  message: string;
}

/** The one error type domain code throws. It never knows about HTTP. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, message: string = errorCodes[code], fields: FieldError[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  static validation(fields: FieldError[]): AppError {
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `Invalid input — ${summary}`, fields);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
