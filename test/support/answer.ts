import { isAppError } from '../../src/errors/app-error.js';
import { httpStatus } from '../../src/errors/http-status.js';

/**
 * What a request doing `work` would answer: 'ok', or the code of the 4xx it would refuse with.
 * Anything else (what would be a 500) is thrown, failing the test.
 */
export async function answer(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (isAppError(error) && httpStatus[error.code] < 500) return error.code;
    throw error;
  }
}
