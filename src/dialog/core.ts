import type { Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import { isDeepStrictEqual } from 'node:util';
import { isOperatorFault, isUserError, UserError, type OperatorFault } from '../errors.ts';
import { guardedStore, isWriteFault } from './guarded-store.ts';
import { initialState } from './session-state.ts';
import type { Assessor } from '../rules/assessor.ts';
import { readMessage } from './command-parser.ts';
import type { CommandContext, CommandOutcome, SavedTurn } from './commands/command.ts';
import { deleteConfirmed } from './commands/delete.ts';
import { reminderReply } from './commands/finish-step.ts';
import type { DesignSnapshot } from './design-snapshot.ts';
import { step, type EngineResult } from './dialog-engine.ts';
import { loadInterview, type Interview } from './interview-schema.ts';
import { answerText } from './interview-steps.ts';
import { assessWords, whatIfWords } from './words-steps.ts';
import { statedFieldCount } from '../rules/parse-requirements.ts';

/** How many requirements plain chat must state to be read as a description rather than a question. */
const describedFields = 2;
import { finishStep } from './commands/finish-step.ts';
import { StaleWriteError, type Design, type DesignStore, type StoredSession, type ThreadKey } from './ports/design-store.ts';
import type { Reply } from './reply.ts';
import { errorReply, infoReply, noDesignReply } from './replies/basic-replies.ts';
import { cardReply } from './replies/card-reply.ts';
import { questionReply, shapedAsQuestion } from '../answers/question-reply.ts';
import { neutralizeReply } from './sanitize.ts';
import { readSessionState, type SessionState } from './session-state.ts';
import { Turn } from './turn.ts';
import type { TurnResult } from './turn-result.ts';
import { latestOf } from './design-versions.ts';
import { designCompletions, openDesignKey } from './open-design.ts';
import { completions } from './completions.ts';
import type { Core } from './door.ts';

/** The longest message Quorum reads; longer ones are refused before anything is stored. */
export const maxTextLength = 4000;
/** Idle interviews expire after this long unless configured otherwise (7 days). */
export const defaultSessionTtlMs = 7 * 24 * 60 * 60 * 1000;
/** How often one turn re-reads and retries after another writer got there first. */
const maxAttempts = 8;
/** The pause before the n-th retry is up to n times this many milliseconds. */
const retryJitterMs = 4;

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
  /** How long a turn may take before the person is told it took too long (default 20 s). */
  turnBudgetMs?: number;
}

/** The default per-turn time budget: past it the person hears so instead of waiting on a frozen store. */
export const defaultTurnBudgetMs = 20_000;

class TurnTooSlow extends Error {}

/** `work`, or a TurnTooSlow rejection once `ms` have passed; the work itself goes on (a write in flight is not torn). */
function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnTooSlow()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export type { Core } from './door.ts';

/** The thread of a user's private context (the answers of their slash commands), per channel. */
export function privateThreadOf(user: string): string {
  return `slash-${user}`;
}

/** Where the turn acts: its own thread, or the speaker's private context (a shared private answer's click included). */
function placeOf(turn: Turn): { key: ThreadKey; private: boolean; foreign: boolean } {
  const owner = turn.action?.drawnFor?.owner;
  const foreign = owner !== undefined && owner !== turn.user;
  const isPrivate = turn.private === true || owner !== undefined;
  const thread = turn.private === true || foreign ? privateThreadOf(turn.user) : turn.thread;
  return { key: { platform: turn.platform, workspace: turn.workspace, channel: turn.channel, thread }, private: isPrivate, foreign };
}

function snapshotOf(design: Design | undefined): DesignSnapshot | undefined {
  const latest = design?.versions.at(-1);
  if (!design || !latest) return undefined;
  return { id: design.id, title: design.title, latestVersion: latest.version, requirements: latest.requirements, answeredBy: latest.answeredBy };
}

/** An idle, empty session that was never stored need not be written (a lookup in a fresh thread stores nothing). */
function worthStoring(stored: StoredSession | undefined, state: SessionState): boolean {
  if (stored) return true;
  return state.mode !== 'idle' || state.awaiting !== undefined || Object.keys(state.requirements).length > 0 || state.title !== undefined || state.lastVersionSeen > 0 || state.openThread !== undefined || state.forgetWorkspace !== undefined;
}

/**
 * Whether a message that was not addressed to Quorum (a reply in a thread) is for it: everything while an
 * interview, a delete confirmation or the reason of an accepted risk is pending; otherwise only commands, and only in threads Quorum owns.
 */
function isForQuorum(turn: Turn, state: SessionState, stored: StoredSession | undefined, design: Design | undefined): boolean {
  if (turn.via !== 'reply' || turn.action) return true;
  if (stored && (state.mode !== 'idle' || state.awaiting !== undefined)) return true;
  if (!stored && !design) return false;
  try {
    return readMessage(turn.text ?? '').type === 'command';
  } catch {
    return true; // a malformed command ("set" alone): the person meant us, and gets the explanation
  }
}

/** What a person is told when the store cannot be read or written: no path, host or detail. */
const storeDown = "I can't read saved designs right now; nothing was lost — try again in a minute. Lookups and questions still work.";
const notSaved = "I couldn't save that; nothing changed — try again. Lookups, questions and `show` still work.";
const sessionNotSaved = "The design is saved, but I couldn't note where this conversation stands, so I may ask the last question again.";

/** True when two session states differ only in when they were last used and which version was last seen. */
function sameConversation(a: SessionState, b: SessionState): boolean {
  // Through JSON, so a key that holds undefined equals a key that is absent (as once stored).
  const strip = ({ lastActivityAt: _at, lastVersionSeen: _seen, ...rest }: SessionState): unknown => JSON.parse(JSON.stringify(rest));
  return isDeepStrictEqual(strip(a), strip(b));
}

/** Where a turn happened, for the log (never what was said). */
function where(turn: Partial<Turn> | undefined): Record<string, unknown> {
  return { platform: turn?.platform, workspace: turn?.workspace, channel: turn?.channel, thread: turn?.thread, user: turn?.user };
}

/** True when the message needs no saved state: a store-free command (lookups, help) or a plain question. */
function needsNoStore(turn: Turn): boolean {
  try {
    const message = readMessage(turn.action?.value ?? turn.text ?? '');
    return message.type === 'question' || (message.type === 'command' && message.spec.storeFree === true);
  } catch {
    return false;
  }
}

const staleQuestion = 'That button belongs to an earlier question, so I left it alone. Please use the buttons on the latest message in this thread.';

const defaultLog = (err: unknown, context: Record<string, unknown>): void => {
  console.error('quorum: unexpected error', context, err);
};

/** What one attempt of a turn produced. */
interface Attempt {
  replies: Reply[];
  state: SessionState;
  stored: StoredSession | undefined;
  saved: SavedTurn | undefined;
  /** False: write nothing back (a refused click, a message not for Quorum). */
  write: boolean;
  forQuorum: boolean;
  /** The thread's design version after the turn (0: none). */
  designVersion: number;
  /** Answer only the speaker (a refused click is nobody else's business). */
  private?: boolean;
}

/**
 * Builds the core: each turn loads its thread's session and design, runs the pure front of the dialog
 * engine, then the command's handler from the command table, and writes the session back. Writes are
 * optimistic; when another turn got there first, the turn re-reads and runs again, so no answer is lost.
 */
export function createCore(deps: CoreDeps): Core {
  const interview = deps.interview ?? loadInterview();
  const now = deps.now ?? (() => new Date());
  const ttl = deps.sessionTtlMs ?? defaultSessionTtlMs;
  const log = deps.log ?? defaultLog;
  const budgetMs = deps.turnBudgetMs ?? defaultTurnBudgetMs;
  const store = guardedStore(deps.store);

  async function perform(result: EngineResult, ctx: CommandContext): Promise<CommandOutcome> {
    switch (result.tag) {
      case 'command': {
        // The interview's first answer is a description even when it opens with a command's word ("search autocomplete: 40k queries/s …");
        // `assess <words>` there is the description without its command word.
        const typed = ctx.turn.text ?? '';
        const text = result.spec.name === 'assessWords' ? (result.args as { text: string }).text : typed;
        const describing = ctx.state.mode === 'interviewing' && ctx.state.walk === 'describe' && result.spec.verbs !== undefined && !ctx.turn.action;
        if (describing && statedFieldCount(text) >= describedFields) return finishStep(ctx, answerText(ctx.state, { interview, design: ctx.snapshot }, ctx.turn, text));
        return result.spec.run(ctx, result.args);
      }
      case 'question': {
        // "what if writes go 10x?" changes the design; any other question is answered.
        const whatIf = whatIfWords(ctx.state, { interview, design: ctx.snapshot }, ctx.turn, ctx.turn.action?.value ?? ctx.turn.text ?? '');
        if (whatIf && ctx.state.mode !== 'interviewing') return finishStep(ctx, whatIf);
        return { replies: [questionReply(ctx, result.text, ctx.design)] };
      }
      case 'text': {
        const steps = { interview, design: ctx.snapshot };
        if (ctx.state.mode === 'interviewing') return finishStep(ctx, answerText(ctx.state, steps, ctx.turn, result.text));
        const whatIf = whatIfWords(ctx.state, steps, ctx.turn, result.text);
        if (whatIf) return finishStep(ctx, whatIf);
        // A description that states requirements ("we're building a ledger, 3k writes/s, four nines") is assessed,
        // unless it is shaped as a question (a comparison, a yes/no, a symptom): that is answered, like any other chat.
        if (statedFieldCount(result.text) >= describedFields && !shapedAsQuestion(result.text)) {
          return finishStep(ctx, assessWords(ctx.state, steps, ctx.turn, result.text));
        }
        return { replies: [questionReply(ctx, result.text, ctx.design)] };
      }
      case 'answer':
        return { replies: result.replies };
      case 'error':
        return { replies: [errorReply(result.code, result.message, result.hint)] };
      case 'deleteConfirmed':
        return deleteConfirmed(ctx);
      case 'stale': {
        const text = `That button belongs to version ${result.clicked}, but the design is now at version ${result.latest}, so I did not apply it. Here is the current design.`;
        if (!ctx.design) return { replies: [noDesignReply()] };
        return { replies: [infoReply(text), cardReply(ctx.design, latestOf(ctx.design), false)] };
      }
    }
  }

  /**
   * The thread's session and the design it has open (the thread's own unless `design <name>` or `open`
   * moved it); when the store cannot be read, `storeFree` if the message needs neither.
   */
  async function readThread(key: ThreadKey, turn: Turn, nowIso: string) {
    try {
      const [stored, own] = await Promise.all([store.getSession(key), store.getDesign(key)]);
      const loaded = readSessionState(stored?.state, nowIso);
      const designKey = openDesignKey(key, loaded.state);
      const design = designKey.thread === key.thread ? own : await store.getDesign(designKey);
      return { stored, loaded, design, designKey };
    } catch (err) {
      if (isOperatorFault(err) && needsNoStore(turn)) {
        log(err, { ...where(turn), fault: err.code, at: err.where, note: 'answered without the store' });
        return 'storeFree' as const;
      }
      throw err;
    }
  }

  /** A lookup or a question while the store is down: answered on a fresh state, nothing written. */
  async function storeFreeAttempt(turn: Turn, nowIso: string, place: ReturnType<typeof placeOf>): Promise<Attempt> {
    const state = initialState(nowIso);
    const out = step(state, turn, { now: nowIso, interview, sessionTtlMs: ttl });
    const ctx: CommandContext = { ...deps, store, interview, turn, key: place.key, home: place.key, now: nowIso, state, design: undefined, snapshot: undefined, saved: undefined };
    const outcome = await perform(out.result, ctx);
    return { replies: outcome.replies, state, stored: undefined, saved: undefined, write: false, forQuorum: true, designVersion: 0 };
  }

  async function attempt(turn: Turn, place: ReturnType<typeof placeOf>, saved: SavedTurn | undefined): Promise<Attempt> {
    const nowIso = now().toISOString();
    const { key } = place;
    const read = await readThread(key, turn, nowIso);
    if (read === 'storeFree') return storeFreeAttempt(turn, nowIso, place);
    const { stored, design, loaded, designKey } = read;
    const designVersion = design?.versions.at(-1)?.version ?? 0;
    const refused = (replies: Reply[], forQuorum: boolean): Attempt =>
      ({ replies, state: loaded.state, stored, saved, write: false, forQuorum, designVersion, private: true });
    if (!isForQuorum(turn, loaded.state, stored, design)) return refused([], false);
    const drawn = place.foreign ? undefined : turn.action?.drawnFor;
    if (drawn?.session !== undefined && drawn.session !== (stored?.version ?? 0)) return refused([infoReply(staleQuestion)], true);
    const clickedVersion = place.foreign ? undefined : (turn.action?.version ?? drawn?.design);
    const engineTurn: Turn = turn.action
      ? { ...turn, action: { value: turn.action.value, ...(clickedVersion !== undefined && { version: clickedVersion }) } }
      : turn;
    const dropped = loaded.dropped
      ? [infoReply(`I could not continue this thread's earlier conversation (${loaded.reason}), so I started afresh. Any saved design is safe.`)]
      : [];
    const snapshot = snapshotOf(design);
    const out = step(loaded.state, engineTurn, { now: nowIso, interview, sessionTtlMs: ttl, design: snapshot });
    const ctx: CommandContext = { ...deps, store, interview, turn: engineTurn, key: designKey, home: key, now: nowIso, state: out.state, design, snapshot, saved };
    let outcome: CommandOutcome;
    try {
      outcome = await perform(out.result, ctx);
    } catch (err) {
      if (!isUserError(err)) throw err;
      outcome = { replies: [errorReply(err.code, err.message, err.hint)] };
    }
    const state = outcome.state ?? out.state;
    const replies = [...dropped, ...out.notices, ...outcome.replies];
    if (state.mode === 'interviewing' && !outcome.asked) {
      const reminder = reminderReply(interview, state);
      if (reminder) replies.push(reminder);
    }
    const savedNow = outcome.saved ?? saved;
    if (outcome.sessionDeleted) return { replies, state, stored: undefined, saved: undefined, write: false, forQuorum: true, designVersion: 0 };
    const after = out.result.tag === 'deleteConfirmed' ? 0 : savedNow ? latestOf(savedNow.design).version : designVersion;
    return { replies, state, stored, saved: savedNow, write: true, forQuorum: true, designVersion: after };
  }

  /**
   * The session could not be written after the turn ran. A version the turn saved stands (the person is
   * told where the conversation may repeat itself); a turn that changed nothing that matters (show,
   * history, a lookup) keeps its answer; anything else was not saved, and the turn fails as such.
   */
  function unsavedSession(err: unknown, result: Attempt, turn: Turn): Reply[] {
    if (!isWriteFault(err)) throw err;
    const before = readSessionState(result.stored?.state, result.state.lastActivityAt).state;
    const changed = !sameConversation(before, result.state);
    if (!result.saved && changed) throw err;
    log(err, { ...where(turn), fault: (err as OperatorFault).code, at: (err as OperatorFault).where, note: 'answered without saving the session' });
    return changed ? [infoReply(sessionNotSaved)] : [];
  }

  async function run(turn: Turn): Promise<TurnResult> {
    const place = placeOf(turn);
    const base = { thread: place.key.thread, private: place.private };
    const text = turn.action?.value ?? turn.text ?? '';
    if (text.length > maxTextLength) {
      const replies = [errorReply('too_long', `That message is too long for me (over ${maxTextLength.toLocaleString('en-US')} characters). Please send a shorter one.`)];
      return { ...base, replies, forQuorum: turn.via !== 'reply', ownsThread: false, files: [] };
    }
    let saved: SavedTurn | undefined;
    for (let n = 1; ; n++) {
      try {
        const result = await attempt(turn, place, saved);
        saved = result.saved ?? saved;
        let sessionVersion = result.stored?.version ?? 0;
        let notes: Reply[] = [];
        if (result.write && worthStoring(result.stored, result.state)) {
          try {
            sessionVersion = await store.putSession(place.key, result.stored?.version ?? 0, result.state);
          } catch (err) {
            notes = unsavedSession(err, result, turn);
          }
        }
        const replies = [...result.replies, ...notes].map((reply) => stamp(reply, result.designVersion, sessionVersion, place.private ? turn.user : undefined));
        return {
          ...base,
          private: base.private || result.private === true,
          replies,
          forQuorum: result.forQuorum,
          ownsThread: sessionVersion > 0 || result.designVersion > 0,
          files: replies.flatMap((r) => (r.file ? [r.file] : [])),
        };
      } catch (err) {
        if (!(err instanceof StaleWriteError) || n >= maxAttempts) throw err;
        // A short random pause before re-reading, so writers that collided do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * retryJitterMs * n));
      }
    }
  }

  return {
    complete: (request) => completions(deps.catalog, deps.search, request),
    needsAdmin(turn) {
      try {
        const message = readMessage(turn.action?.value ?? turn.text ?? '');
        return message.type === 'command' && message.spec.adminOnly === true;
      } catch {
        return false;
      }
    },
    async forgetWorkspace(platform, workspace) {
      try {
        return await store.deleteWorkspace(platform, workspace);
      } catch (err) {
        log(err, { where: 'forget workspace', platform, workspace });
        return undefined;
      }
    },
    async completeDesigns({ platform, workspace, channel, typed, limit }) {
      try {
        const found = designCompletions(await store.listDesigns({ platform, workspace, channel }), typed, limit);
        return found.map((d) => ({ label: `${d.title} (${d.id}) · v${d.latestVersion}`, id: d.id }));
      } catch (err) {
        log(err, { where: 'design completions', platform, workspace });
        return [];
      }
    },
    async recentDesigns({ platform, workspace, user, limit }) {
      try {
        const found = await store.listUserDesigns(platform, workspace, user, limit);
        return found.map((d) => ({ id: d.id, title: d.title, channel: d.key.channel, latestVersion: d.latestVersion, updatedAt: d.updatedAt }));
      } catch (err) {
        log(err, { where: 'recent designs', platform, workspace });
        return [];
      }
    },
    async handle(input: Turn): Promise<TurnResult> {
      const fallback = { thread: input?.thread ?? '', private: input?.private === true, forQuorum: true, ownsThread: false, files: [] };
      try {
        const parsed = Turn.safeParse(input);
        if (!parsed.success) throw new UserError('bad_turn', 'I could not read that message (it lacks a platform, channel, thread or user).');
        const result = await withinBudget(run(parsed.data), budgetMs);
        return { ...result, replies: result.replies.map(neutralizeReply) };
      } catch (err) {
        if (err instanceof TurnTooSlow) {
          const seconds = Math.round(budgetMs / 1000);
          return {
            ...fallback,
            replies: [errorReply('too_slow', `That took me too long (over ${seconds} s), so I stopped waiting; storage may be slow right now. Please try again in a moment, and check with \`show\` before repeating a change.`)],
          };
        }
        if (isUserError(err)) return { ...fallback, replies: [neutralizeReply(errorReply(err.code, err.message, err.hint))] };
        try {
          // The log gets everything (the fault's file or table, the stack); the person gets a calm note.
          log(err, { ...where(input), ...(isOperatorFault(err) && { fault: err.code, at: err.where }) });
        } catch {
          // A failing logger must not turn a friendly reply into a crash.
        }
        if (isOperatorFault(err)) return { ...fallback, replies: [errorReply('store_unavailable', isWriteFault(err) ? notSaved : storeDown)] };
        return { ...fallback, replies: [errorReply('internal', 'Something went wrong on my side; your design is safe. Please try again.')] };
      }
    },
  };
}

/** Marks a reply's buttons with what they were drawn for: the design and (for a question) the session version, and the private owner. */
function stamp(reply: Reply, design: number, session: number, owner: string | undefined): Reply {
  if (!reply.choices?.length) return reply;
  return { ...reply, drawnFor: { design, ...(reply.kind === 'question' && { session }), ...(owner !== undefined && { owner }) } };
}
