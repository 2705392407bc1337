import { parseCommand } from './dialog/command-parser.ts';
import { maxTextLength, type Core } from './dialog/core.ts';
import type { Reply } from './dialog/reply.ts';
import type { TurnResult } from './dialog/turn-result.ts';
import type { Turn } from './dialog/turn.ts';
import { requestLogger, type Log } from './log.ts';

/**
 * What kind of turn this was, safe to log: `click`, a command name (`set`, `show`, `lookup` …),
 * `text` for an answer or free text, `bad_command` or `too_long`. Never the words themselves.
 */
export function turnKind(turn: Turn): string {
  if (turn.action) return 'click';
  const text = turn.text ?? '';
  if (text.length > maxTextLength) return 'too_long';
  try {
    return parseCommand(text).type;
  } catch {
    return 'bad_command';
  }
}

/** `ok`, or `error:<code>` from the first error reply (`error:internal` is a bug). */
export function turnOutcome(replies: Reply[]): string {
  const failed = replies.find((r) => r.error);
  return failed?.error ? `error:${failed.error.code}` : 'ok';
}

/**
 * Wraps the core so every turn writes one info line (request id, platform, workspace, channel,
 * kind, duration, outcome, reply count) and, at debug only, what was said.
 */
export function withTurnLog(core: Core, log: Log): Core {
  return {
    complete: (request) => core.complete(request),
    recentDesigns: (where) => core.recentDesigns(where),
    completeDesigns: (where) => core.completeDesigns(where),
    needsAdmin: (turn) => core.needsAdmin(turn),
    async forgetWorkspace(platform, workspace) {
      const forgotten = await core.forgetWorkspace(platform, workspace);
      log.info({ platform, workspace, ...forgotten, outcome: forgotten ? 'ok' : 'failed' }, 'workspace forgotten');
      return forgotten;
    },
    async handle(turn: Turn): Promise<TurnResult> {
      const started = performance.now();
      const where = { platform: turn?.platform, workspace: turn?.workspace, channel: turn?.channel };
      const turnLog = requestLogger(log, where);
      const kind = turnKind(turn);
      turnLog.debug({ kind, user: turn?.user, text: turn?.action?.value ?? turn?.text ?? '' }, 'turn received');
      try {
        const result = await core.handle(turn);
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        turnLog.info({ kind, durationMs, outcome: turnOutcome(result.replies), replies: result.replies.length }, 'turn handled');
        return result;
      } catch (err) {
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        turnLog.error({ kind, durationMs, outcome: 'exception', err }, 'turn failed');
        throw err;
      }
    },
  };
}
