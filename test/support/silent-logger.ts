import pino from 'pino';

export function silentLoggerFor() {
  return pino({ level: 'silent' });
}
