import { randomBytes } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

/** Quorum's structured logger: pino, one JSON object per line. */
export type Log = Logger;

// Keys whose values are credentials wherever they appear (top level or one object down).
const secretKeys = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'password',
  'secret',
  'authorization',
  'cookie',
  '["x-slack-signature"]',
];
const redactPaths = secretKeys.flatMap((key) => [key, key.startsWith('[') ? `*${key}` : `*.${key}`]);

// What people typed is kept out of every line above debug, whatever a caller passes.
const messageKeys = ['text', 'said'];
const debugLevel = 20;

function withoutMessageText(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (messageKeys.includes(key)) continue;
    const nested = value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Error);
    out[key] = nested ? withoutMessageText(value as Record<string, unknown>) : value;
  }
  return out;
}

/**
 * A JSON-lines logger at `level` (fatal … trace, or silent) writing to `destination` (stdout by default).
 * Credentials are redacted everywhere; message text (`text`, `said`) survives only at debug and trace.
 */
export function createLogger(level: string, destination?: DestinationStream): Log {
  const options = {
    name: 'quorum',
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void, levelValue: number) {
        const [first, ...rest] = args as unknown[];
        if (levelValue > debugLevel && first && typeof first === 'object' && !(first instanceof Error)) {
          return method.apply(this, [withoutMessageText(first as Record<string, unknown>), ...rest]);
        }
        return method.apply(this, args as unknown[]);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A short random id that ties together every line about one request or turn. */
export function newRequestId(): string {
  return randomBytes(6).toString('hex');
}

/** A child logger whose every line carries a fresh request id (and any other fields given). */
export function requestLogger(log: Log, fields: Record<string, unknown> = {}): Log {
  return log.child({ reqId: newRequestId(), ...fields });
}
