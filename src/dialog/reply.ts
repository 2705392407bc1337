import type { Assessment } from '../rules/assessment.ts';

/** The assessment a card carries, so renderers can type it without reaching into the rules. */
export type { Assessment } from '../rules/assessment.ts';
import type { DrawnFor } from './turn.ts';

/** A button: its label, and the text the click stands for (clicking is the same as typing `value`). */
export interface Choice {
  label: string;
  value: string;
  /** A link instead of a command (e.g. "Open as issue"): renderers draw a link button; `value` is what the terminal shows. */
  url?: string;
}

/** One plan item as `chat --json` shows it (interface.md), with its impact and who changed it last. */
export interface PlanItemOut {
  id: string;
  kind: 'risk' | 'obligation' | 'check';
  title: string;
  status: 'open' | 'accepted' | 'done';
  owner?: string;
  reason?: string;
  impact: 'high' | 'medium' | 'low';
  changedBy?: string;
  changedAt?: string;
}

/**
 * The controls of one plan item: a line naming it, its buttons, and a person picker whose pick
 * completes `pickPerson` (the picked user's mention is appended: `owner <id> <@U1>`).
 */
export interface ItemControl {
  item: string;
  line: string;
  choices: Choice[];
  pickPerson?: string;
}

/** A labelled piece of a reply (a field of an embed, a section of Block Kit, a line in the terminal). */
export interface Field {
  label: string;
  value: string;
  /** Short fields may sit side by side where the platform allows. */
  inline?: boolean;
}

/** A catalog entry a reply points to. */
export interface RelatedEntry {
  kind: string;
  id: string;
  name: string;
}

/**
 * The one reply model every adapter renders in its own idiom. `text` always holds a complete
 * plain-text version (the notification fallback, and what the terminal prints when nothing else is set).
 * Text is plain: no platform markup. Renderers escape it.
 */
export interface Reply {
  kind: 'entry' | 'list' | 'search' | 'question' | 'answer' | 'assessment' | 'design' | 'info' | 'help' | 'error';
  text: string;
  title?: string;
  summary?: string;
  fields?: Field[];
  related?: RelatedEntry[];
  choices?: Choice[];
  assessment?: Assessment;
  /** What was read from words or answers, in assess-input form (interface.md: `requirements` in chat --json). */
  requirements?: Record<string, unknown>;
  design?: { id: string; version: number };
  error?: { code: string; message: string };
  /** A file to attach (the exported record, the diagram's PNG); the terminal writes it to disk. */
  file?: { name: string; content: string | Uint8Array; mime: string };
  /** A drawing in text of the attached picture, for a surface that shows no images (the terminal). */
  sketch?: string[];
  /** The plan of the thread's design, on the reply to `plan` and to every command that changes an item. */
  plan?: { items: PlanItemOut[] };
  /** Buttons and an owner picker per plan item, one row each where the platform allows. */
  itemControls?: ItemControl[];
  /**
   * Platform user ids this reply names (owners). Renderers may show exactly these as mentions; every
   * other mention-like text stays inert, so naming an owner pings no one else.
   */
  mentions?: string[];
  /** The formulas behind the figures of this reply, shown on demand. */
  formulas?: string[];
  /** Set by the core on every reply with choices: what its buttons were drawn for; clicks carry it back. */
  drawnFor?: DrawnFor;
}
