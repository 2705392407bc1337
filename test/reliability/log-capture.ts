import { createLogger, type Log } from '../../src/log.ts';

/** A logger whose JSON lines land in `lines` (parsed) and `raw` (as written). */
export function capturedLogger(level = 'info'): { log: Log; lines: Array<Record<string, unknown>>; raw: string[] } {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const log = createLogger(level, {
    write(chunk: string) {
      for (const line of chunk.split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
    },
  });
  return { log, lines, raw };
}
