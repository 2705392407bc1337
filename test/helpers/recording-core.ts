import type { Core } from '../../src/dialog/core.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import type { Turn } from '../../src/dialog/turn.ts';

/** A conversation that remembers every turn and reply, so a test can drive it line by line and look back. */
export interface Recorder {
  /** Sends one turn and returns its replies. */
  send(turn: Turn): Promise<Reply[]>;
  /** Every reply so far, in order. */
  readonly replies: Reply[];
  /** The text of the last turn's replies, joined. */
  lastText(): string;
  last(): Reply[];
}

/** Wraps a core so each turn's replies are recorded. */
export function record(core: Core): Recorder {
  const all: Reply[] = [];
  let latest: Reply[] = [];
  return {
    async send(turn) {
      latest = (await core.handle(turn)).replies;
      all.push(...latest);
      return latest;
    },
    get replies() {
      return all;
    },
    lastText: () => latest.map((r) => r.text).join('\n'),
    last: () => latest,
  };
}

/** All text of some replies, joined with newlines (titles included). */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => [r.title, r.text].filter(Boolean).join('\n')).join('\n');
}
