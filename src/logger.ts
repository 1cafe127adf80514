import pino, { type Logger } from 'pino';
import type { Config } from './config/schema.js';

/** Names of query parameters that carry secrets (Content API keys, one-time link tokens). */
const SECRET_NAMES = /^(?:key|token)$/i;
/** A query parameter: its separator, its name as written, and its value. */
const PARAM = /([?&])([^&?=]*)=[^&?]*/g;

/** A parameter's name as the query parser reads it (`%6Bey` is `key`); as written if it cannot be decoded. */
function parsedName(written: string): string {
  try {
    return decodeURIComponent(written.replaceAll('+', ' '));
  } catch {
    return written;
  }
}

/**
 * A request address as it may be logged: the values of secret query parameters replaced, under
 * any spelling of their names that the query parser reads as theirs.
 */
export function loggableUrl(url: string): string {
  if (!url.includes('=')) return url;
  return url.replace(PARAM, (param, separator: string, name: string) => (SECRET_NAMES.test(parsedName(name)) ? `${separator}${name}=[redacted]` : param));
}

interface LoggedRequest {
  method: string;
  url: string;
  /** The address the client asked for, where the application routes it by another (Fastify's rewriteUrl). */
  originalUrl?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Structured JSON logs; credentials, cookies and secrets in addresses never reach them. Lines go
 * to standard output without waiting for each write (they are gathered while one is under way and
 * written together); whatever is still waiting is written before the process exits.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: loggableUrl(request.originalUrl ?? request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
