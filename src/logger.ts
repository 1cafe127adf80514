import pino, { type Logger } from 'pino';
import type { Config } from './config/schema.js';

/** Query parameters that carry secrets (Content API keys, one-time link tokens). */
const SECRET_PARAMS = /([?&](?:key|token)=)[^&#]*/gi;

/** A request address as it may be logged: secret query values replaced. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
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
