import type { Catalog } from '../../catalog/catalog.ts';
import type { Search } from '../../catalog/search.ts';
import type { Assessor } from '../../rules/assessor.ts';
import type { DesignSnapshot } from '../design-snapshot.ts';
import type { Interview } from '../interview-schema.ts';
import type { Design, DesignStore, ThreadKey } from '../ports/design-store.ts';
import type { Reply } from '../reply.ts';
import type { SessionState } from '../session-state.ts';
import type { Turn } from '../turn.ts';

/** What an earlier attempt of the same turn already saved, so a retried attempt does not save twice. */
export interface SavedTurn {
  design: Design;
  replies: Reply[];
}

/** Everything a command handler may use: the turn, the thread's state and design as read, and the core's ports. */
export interface CommandContext {
  turn: Turn;
  /** Where the thread's open design lives: the thread's own key, or the slot `design <name>` or `open` chose. */
  key: ThreadKey;
  /** The conversation's own thread (its session); `key` differs from it while another design is open. */
  home: ThreadKey;
  /** ISO time of this turn. */
  now: string;
  /** The thread's session state (expiry and confirmations already handled). */
  state: SessionState;
  /** The thread's saved design as read at the start of the turn, and its latest version in brief. */
  design: Design | undefined;
  snapshot: DesignSnapshot | undefined;
  interview: Interview;
  catalog: Catalog;
  search: Search;
  assessor: Assessor;
  store: DesignStore;
  /** The "Open as issue" URL template (QUORUM_ISSUE_URL); unset hides the choice. */
  issueUrlTemplate?: string;
  saved: SavedTurn | undefined;
}

/** What a handler hands back: the replies, the session state to keep (unchanged when left out). */
export interface CommandOutcome {
  replies: Reply[];
  state?: SessionState;
  /** Set when the handler saved a version, so a retry of this turn reuses it. */
  saved?: SavedTurn;
  /** True when the command deleted this thread's session itself (forget-workspace): nothing is written back. */
  sessionDeleted?: boolean;
  /** True when the replies end in the pending interview question (so no reminder is added). */
  asked?: boolean;
}

/**
 * One chat command: the words that start it, how its argument is read, and its handler.
 * `A` is the shape of the parsed argument.
 */
export interface CommandSpec<A extends object = Record<string, never>> {
  /** Unique name, used in logs and metrics (`turnKind`) and as the parsed command's `type`. */
  name: string;
  /** Whole messages that are this command, lower-case, e.g. `help`, `new design`. Matched first. */
  phrases?: readonly string[];
  /** First words after which the rest of the message is the argument, e.g. `set`, `lookup`. */
  verbs?: readonly string[];
  /**
   * Reads the argument (the text after the verb, '' for a phrase or a bare verb). Throws UserError
   * when malformed; returns undefined when the message is not this command after all, so the
   * next command with the same verb is tried. Left out: the command takes no argument.
   */
  parse?(arg: string, verb: string): A | undefined;
  /** A click on a button drawn for an older design version is refused instead of applied. */
  versionBound?: boolean;
  /**
   * Answers without the thread's saved state (lookups, help): when the store cannot be read the command
   * still runs, on a fresh state, and nothing is written.
   */
  storeFree?: boolean;
  /** Only a workspace admin may give it: adapters look the person up (Core.needsAdmin) and set `turn.admin`. */
  adminOnly?: boolean;
  run(ctx: CommandContext, args: A): CommandOutcome | Promise<CommandOutcome>;
}

/** Declares a command with its argument type inferred from `parse` (the table holds them type-erased). */
export function defineCommand<A extends object = Record<string, never>>(spec: CommandSpec<A>): CommandSpec<object> {
  return spec as unknown as CommandSpec<object>;
}

/** The outcome of a handler that only answers. */
export function answered(...replies: Reply[]): CommandOutcome {
  return { replies };
}
