import type { EventDedup } from './ports/event-dedup.ts';
import type { InstallationRepo } from './ports/installation-repo.ts';
import type { Turn } from './turn.ts';
import type { TurnResult } from './turn-result.ts';

// The core's door: everything an adapter may know of the core. Adapters import this file, turn.ts,
// turn-result.ts, reply.ts and the platform-only ports, and nothing else of src/ (a test checks it).

/** The catalog kinds with a chat command (and a Discord slash command) of their own. */
export type LookupKind = 'law' | 'pattern' | 'primitive' | 'capability';

/** What someone has typed so far into a field that completes catalog names (Discord autocomplete). */
export interface CompletionRequest {
  typed: string;
  /** Only entries of this kind; every kind when left out. */
  kind?: LookupKind;
  limit: number;
}

/** One completion: what to show, and the entry id the command receives. */
export interface CompletionChoice {
  label: string;
  id: string;
}

/** One of a user's recent designs, as a home page lists it. */
export interface RecentDesign {
  id: string;
  title: string;
  channel: string;
  latestVersion: number;
  /** ISO 8601 time. */
  updatedAt: string;
}

/** The one door every adapter calls. None of its calls throws. */
export interface Core {
  /** A turn in; the replies and what to do with them out. */
  handle(turn: Turn): Promise<TurnResult>;
  /** Completes catalog names as people type (best matches first; the first entries when nothing is typed). */
  complete(request: CompletionRequest): CompletionChoice[];
  /**
   * Whether the turn is a command only a workspace admin may give (forget-workspace): the adapter then
   * asks its platform whether the person is one and says so in `turn.admin`.
   */
  needsAdmin(turn: Turn): boolean;
  /**
   * Deletes every design and session of a workspace (the app was uninstalled, or the bot removed):
   * what was deleted, or undefined when the store failed (logged).
   */
  forgetWorkspace(platform: Turn['platform'], workspace: string): Promise<{ designs: number; threads: number } | undefined>;
  /** The designs in a workspace that a user saved a version of, most recent first; empty when the store cannot answer. */
  recentDesigns(where: { platform: Turn['platform']; workspace: string; user: string; limit: number }): Promise<RecentDesign[]>;
  /**
   * Completes the names of a channel's saved designs as people type (Discord's `/design open`): the label shows
   * name, id and version, the id is what `open` receives; the most recent first when nothing is typed; empty when
   * the store cannot answer.
   */
  completeDesigns(where: { platform: Turn['platform']; workspace: string; channel: string; typed: string; limit: number }): Promise<CompletionChoice[]>;
}

/** What an adapter is started with: the door, and the platform-only ports (retry de-duplication, installations). */
export interface Door {
  core: Core;
  stores: { dedup: EventDedup; installations: InstallationRepo };
}
