import zlib from 'node:zlib';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import type { Shot } from './requests.js';

/**
 * Fuzzing is bounded: a fixed seed (so `npm test` is repeatable) and a fixed number of runs per
 * property. FUZZ_SEED replays or varies the seed; FUZZ_RUNS multiplies the runs for a deeper
 * search on a quiet machine (e.g. FUZZ_RUNS=20).
 */
const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_261_206);
const runScale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (base: number) => Math.max(1, Math.round(base * runScale));

/** Checks a property over generated values; a failure names the seed, the path and the smallest input found. */
export async function fuzz<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, check: (value: T) => Promise<void>): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, check), { seed: fuzzSeed, numRuns: runs(numRuns) });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${cause}\n\n${fc.defaultReportMessage(details)}\nReplay: FUZZ_SEED=${details.seed} (fast-check path ${details.counterexamplePath}).`);
  }
}

/**
 * Everything that went wrong outside a response: unhandled rejections, uncaught exceptions, and
 * anything the app logged at error level or above (a swallowed failure still shows up there).
 */
export interface Trouble {
  seen: string[];
  logger: pino.Logger;
  /** Throws (and forgets) whatever went wrong since the last call. */
  check(context?: string): void;
  /** Stops watching and throws what went wrong at the very end (rejections surface a turn after their promise is dropped). */
  finish(): Promise<void>;
}

export function watchForTrouble(): Trouble {
  const seen: string[] = [];
  const describe = (value: unknown) => (value instanceof Error ? (value.stack ?? value.message) : String(value));
  const onRejection = (reason: unknown) => seen.push(`unhandled rejection: ${describe(reason)}`);
  const onException = (error: unknown) => seen.push(`uncaught exception: ${describe(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const logger = pino(
    { level: 'error' },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as { msg?: string; err?: { stack?: string } };
        seen.push(`logged error: ${entry.msg ?? ''} ${entry.err?.stack ?? ''}`.trim());
      },
    },
  );
  return {
    seen,
    logger,
    check: (context = '') => {
      if (seen.length) throw new Error(`${seen.splice(0).join('\n')}${context ? `\nafter ${context}` : ''}`);
    },
    finish: async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      if (seen.length) throw new Error(seen.splice(0).join('\n'));
    },
  };
}

/** After the fuzzing: the magazine's own pages still answer (nothing it stored broke them). */
export async function expectStillServing(app: FastifyInstance, urls: string[], trouble: Trouble): Promise<void> {
  for (const url of urls) {
    const res = await app.inject({ url });
    if (res.statusCode >= 500) throw new Error(`${url} answered ${res.statusCode} after the fuzzing: ${res.body.slice(0, 300)}`);
    trouble.check(url);
  }
}

/** Sends a shot; cookies and credentials of whoever sends it come in `extra`. */
async function fire(app: FastifyInstance, shot: Shot, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const cookie = [shot.headers.cookie, extra.cookie].filter(Boolean).join('; ');
  return app.inject({
    method: shot.method,
    url: shot.url,
    remoteAddress: shot.remoteAddress,
    headers: { ...shot.headers, ...extra, ...(cookie ? { cookie } : {}) },
    ...(shot.payload === undefined ? {} : { payload: shot.payload }),
  });
}

/** What kind of answer a request must get besides "not a 5xx". */
export type Expect = 'json' | 'ghost' | 'page' | { success: 'html' | 'csv' | 'json' | 'empty' };

export interface AnswerRules {
  /** Origins a redirect may point to besides this site (the payment provider's pages). */
  redirectOrigins: string[];
}

/** The body as the client reads it, after undoing any compression. */
function bodyOf(res: LightMyRequestResponse): string {
  const encoding = res.headers['content-encoding'];
  if (res.rawPayload.length === 0) return '';
  if (encoding === 'gzip') return zlib.gunzipSync(res.rawPayload).toString('utf8');
  if (encoding === 'br') return zlib.brotliDecompressSync(res.rawPayload).toString('utf8');
  return res.body;
}

/** Markup from the hostile strings that must never reach a page as markup (it is fine escaped). */
const injected = [/<script>alert\(1\)<\/script>/i, /<img src=x onerror=alert\(1\)>/i, /href=["']?javascript:/i];

const leaks = [/\bat [^\n]*\.[cm]?[jt]s:\d+/, /node_modules/, /SqliteError|SQLITE_[A-Z]/, /syntax error at or near/, /\bZodError\b/];

/**
 * Why an answer is unsound, or null: a 5xx; an API answer that is not JSON or lacks the error
 * envelope; an error that leaks internals; a redirect off the site; a page error without a page.
 */
function unsound(shot: Shot, res: LightMyRequestResponse, expect: Expect, rules: AnswerRules): string | null {
  const status = res.statusCode;
  if (status >= 500) return `answered ${status}`;
  if (shot.method === 'HEAD' || status === 304 || status === 204) return res.rawPayload.length === 0 ? null : `${status} with a body`;
  if (status >= 300 && status < 400) return redirectProblem(res.headers.location, rules);
  const type = String(res.headers['content-type'] ?? '');
  const body = bodyOf(res);
  if (status >= 400 && leaks.some((pattern) => pattern.test(body))) return `${status} answer leaks internals`;
  if (type.startsWith('text/html') && injected.some((pattern) => pattern.test(body))) return 'page carries injected markup unescaped';
  if (String(res.headers['set-cookie'] ?? '').includes('injected=')) return 'a header was injected';
  if (expect === 'ghost') return ghostJsonProblem(status, type, body);
  const json = expect === 'json' || (typeof expect === 'object' && (status >= 400 || expect.success === 'json'));
  if (json) return jsonProblem(status, type, body);
  if (typeof expect === 'object') {
    if (expect.success === 'empty') return body === '' ? null : 'success with a body where none is documented';
    const wanted = expect.success === 'html' ? 'text/html' : 'text/csv';
    return type.startsWith(wanted) ? null : `success as ${type}, documented as ${wanted}`;
  }
  // Site pages: errors come as a page (or JSON when the client asked for it), with a body.
  if (status >= 400 && !type.startsWith('text/html') && !type.startsWith('application/json')) return `${status} error as ${type}`;
  return body.length > 0 ? null : `${status} with an empty body`;
}

function redirectProblem(location: string | string[] | undefined, rules: AnswerRules): string | null {
  if (typeof location !== 'string' || location === '') return 'redirect without a location';
  if (/^\/(?![/\\])/.test(location)) return null;
  if (rules.redirectOrigins.some((origin) => location.startsWith(`${origin}/`))) return null;
  return `redirect off the site to ${location.slice(0, 200)}`;
}

/** Ghost's APIs answer errors in Ghost's envelope: `{"errors":[{"message","type",…}]}`. */
function ghostJsonProblem(status: number, type: string, body: string): string | null {
  const read = readJson(status, type, body);
  if ('problem' in read) return read.problem;
  if (status < 400) return null;
  const errors = (read.parsed as { errors?: Array<{ message?: unknown; type?: unknown }> }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return `${status} answer without Ghost's errors list`;
  return errors.every((e) => typeof e?.message === 'string' && e.message !== '' && typeof e.type === 'string') ? null : `${status} answer with a malformed Ghost error`;
}

/** The answer's JSON, or why it is not JSON. */
function readJson(status: number, type: string, body: string): { parsed: unknown } | { problem: string } {
  if (!type.startsWith('application/json')) return { problem: `${status} answer as ${type || 'no content type'}, not JSON` };
  try {
    return { parsed: JSON.parse(body) as unknown };
  } catch {
    return { problem: `${status} answer is not valid JSON` };
  }
}

function jsonProblem(status: number, type: string, body: string): string | null {
  const read = readJson(status, type, body);
  if ('problem' in read) return read.problem;
  if (status < 400) return null;
  const error = (read.parsed as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error;
  if (!error || typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `${status} answer without an error code`;
  if (typeof error.message !== 'string' || error.message === '') return `${status} answer without an error message`;
  if (error.fields !== undefined && !(Array.isArray(error.fields) && error.fields.every((f) => typeof f?.field === 'string' && typeof f?.message === 'string'))) {
    return `${status} answer with malformed field errors`;
  }
  return null;
}

/**
 * Sends a shot as someone and judges the answer: throws a readable line (problem, who, request,
 * status, start of the body) when it is unsound or when anything went wrong behind it.
 */
export async function judge(app: FastifyInstance, shot: Shot, sender: { name: string; headers: Record<string, string> }, expect: Expect, rules: AnswerRules, trouble: Trouble) {
  const res = await fire(app, shot, sender.headers);
  const line = () => `${sender.name}: ${shot.method} ${shot.url.slice(0, 300)} → ${res.statusCode} ${bodyOf(res).slice(0, 400)}`;
  const problem = unsound(shot, res, expect, rules);
  if (problem) {
    // What this request logged belongs to this report, not to the next request's.
    trouble.seen.length = 0;
    throw new Error(`${problem} — ${line()}`);
  }
  trouble.check(line());
  return res;
}

/** Shots print short in fast-check's counterexamples (their bodies can be megabytes). */
export function printable(shot: Shot): Shot {
  const preview = (value: string | Buffer | undefined) => (value === undefined ? 'none' : `${JSON.stringify(value.toString().slice(0, 300))}${value.length > 300 ? ` … (${value.length} bytes)` : ''}`);
  Object.defineProperty(shot, fc.toStringMethod, {
    value: () => `${shot.method} ${shot.url.slice(0, 500)} headers=${JSON.stringify(shot.headers).slice(0, 500)} body=${preview(shot.payload)}`,
    enumerable: false,
  });
  return shot;
}
