import type { Reply } from './reply.ts';

/** A file a reply attaches (an export, a diagram). */
export type AttachedFile = NonNullable<Reply['file']>;

/**
 * What the core answers to one turn: the replies, and everything an adapter needs to act on them,
 * so no adapter reads the store or the session itself.
 */
export interface TurnResult {
  replies: Reply[];
  /** False when the message was not for Quorum (a reply in a thread Quorum does not own): send nothing. */
  forQuorum: boolean;
  /** True when Quorum owns the thread after this turn (a conversation or a saved design lives there). */
  ownsThread: boolean;
  /** The thread whose context the turn acted on; a click on a shared private answer acts on the clicker's own. */
  thread: string;
  /** Post the replies privately to the person who spoke (their private context). */
  private: boolean;
  /** Files to attach, in reply order (each also sits on its reply). */
  files: AttachedFile[];
}
