import type { Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import { isUserError, UserError } from '../errors.ts';
import type { Assessor } from '../rules/assessor.ts';
import { StaleWriteError, type Design, type DesignStore, type StoredSession, type ThreadKey } from './ports/design-store.ts';
import { step, type DesignSnapshot } from './dialog-engine.ts';
import { performEffect, reminderReply } from './effects.ts';
import { loadInterview, type Interview } from './interview-schema.ts';
import type { Reply } from './reply.ts';
import { errorReply, infoReply } from './replies/basic-replies.ts';
import { neutralizeReply } from './sanitize.ts';
import { readSessionState, type SessionState } from './session-state.ts';
import { Turn } from './turn.ts';

/** The longest message Quorum reads; longer ones are refused before anything is stored. */
export const maxTextLength = 4000;
/** Idle interviews expire after this long unless configured otherwise (7 days). */
export const defaultSessionTtlMs = 7 * 24 * 60 * 60 * 1000;
/** How often one turn re-reads and retries after another writer got there first. */
const maxAttempts = 8;

/** What the core is built from: the framework, its search, the assessor, the store, and an optional clock and logger. */
export interface CoreDeps {
  catalog: Catalog;
  search: Search;
  assessor: Assessor;
  store: DesignStore;
  now?: () => Date;
  sessionTtlMs?: number;
  interview?: Interview;
  /** The "Open as issue" URL template with {title} and {body} (QUORUM_ISSUE_URL); unset hides the choice. */
  issueUrlTemplate?: string;
  /** Receives unexpected errors (bugs) with the turn they happened in; defaults to stderr. */
  log?: (err: unknown, context: Record<string, unknown>) => void;
}

/** The one door every adapter calls: a turn in, the replies to send out. Never throws. */
export interface Core {
  handle(turn: Turn): Promise<Reply[]>;
}

function threadKey(turn: Turn): ThreadKey {
  return { platform: turn.platform, workspace: turn.workspace, channel: turn.channel, thread: turn.thread };
}

function snapshotOf(design: Design | undefined): DesignSnapshot | undefined {
  const latest = design?.versions.at(-1);
  if (!design || !latest) return undefined;
  return { id: design.id, title: design.title, latestVersion: latest.version, requirements: latest.requirements, answeredBy: latest.answeredBy };
}

/** An idle, empty session that was never stored need not be written (a lookup in a fresh thread stores nothing). */
function worthStoring(stored: StoredSession | undefined, state: SessionState): boolean {
  if (stored) return true;
  return state.mode !== 'idle' || Object.keys(state.requirements).length > 0 || state.title !== undefined || state.lastVersionSeen > 0;
}

const defaultLog = (err: unknown, context: Record<string, unknown>): void => {
  console.error('quorum: unexpected error', context, err);
};

/**
 * Builds the core: each turn loads its thread's session and design, runs the pure dialog engine,
 * performs the effect (assess and save, lookups, exports …) and writes the session back. Writes are
 * optimistic; when another turn got there first, the turn re-reads and runs again, so no answer is lost.
 */
export function createCore(deps: CoreDeps): Core {
  const interview = deps.interview ?? loadInterview();
  const now = deps.now ?? (() => new Date());
  const ttl = deps.sessionTtlMs ?? defaultSessionTtlMs;
  const log = deps.log ?? defaultLog;

  async function attempt(turn: Turn, key: ThreadKey, saved: { design: Design; replies: Reply[] } | undefined) {
    const nowIso = now().toISOString();
    const stored = await deps.store.getSession(key);
    const design = await deps.store.getDesign(key);
    const loaded = readSessionState(stored?.state, nowIso);
    const dropped = loaded.dropped
      ? [infoReply(`I could not continue this thread's earlier conversation (${loaded.reason}), so I started afresh. Any saved design is safe.`)]
      : [];
    const out = step(loaded.state, turn, { now: nowIso, interview, sessionTtlMs: ttl, design: snapshotOf(design) });
    const effect = await performEffect(out.result, { ...deps, interview, turn, key, now: nowIso, design, state: out.state, saved });
    const replies = [...dropped, ...out.notices, ...effect.replies];
    if (effect.state.mode === 'interviewing' && out.result.tag !== 'ask') {
      const reminder = reminderReply(interview, effect.state);
      if (reminder) replies.push(reminder);
    }
    return { replies, state: effect.state, stored, saved: effect.saved };
  }

  async function run(turn: Turn): Promise<Reply[]> {
    const text = turn.action?.value ?? turn.text ?? '';
    if (text.length > maxTextLength) {
      return [errorReply('too_long', `That message is too long for me (over ${maxTextLength.toLocaleString('en-US')} characters). Please send a shorter one.`)];
    }
    const key = threadKey(turn);
    let saved: { design: Design; replies: Reply[] } | undefined;
    for (let n = 1; ; n++) {
      try {
        const result = await attempt(turn, key, saved);
        saved = result.saved ?? saved;
        if (worthStoring(result.stored, result.state)) {
          await deps.store.putSession(key, result.stored?.version ?? 0, result.state);
        }
        return result.replies;
      } catch (err) {
        if (err instanceof StaleWriteError && n < maxAttempts) continue;
        throw err;
      }
    }
  }

  return {
    async handle(input: Turn): Promise<Reply[]> {
      try {
        const parsed = Turn.safeParse(input);
        if (!parsed.success) throw new UserError('bad_turn', 'I could not read that message (it lacks a platform, channel, thread or user).');
        const replies = await run(parsed.data);
        return replies.map(neutralizeReply);
      } catch (err) {
        if (isUserError(err)) return [neutralizeReply(errorReply(err.code, err.message, err.hint))];
        try {
          log(err, { platform: input?.platform, workspace: input?.workspace, channel: input?.channel, thread: input?.thread, user: input?.user });
        } catch {
          // A failing logger must not turn a friendly reply into a crash.
        }
        return [errorReply('internal', 'Something went wrong on my side; your design is safe. Please try again.')];
      }
    },
  };
}
