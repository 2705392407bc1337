import type { Assessment } from '../rules/assessment.ts';

/** A button: its label, and the text the click stands for (clicking is the same as typing `value`). */
export interface Choice {
  label: string;
  value: string;
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
  kind: 'entry' | 'list' | 'search' | 'question' | 'assessment' | 'design' | 'info' | 'help' | 'error';
  text: string;
  title?: string;
  summary?: string;
  fields?: Field[];
  related?: RelatedEntry[];
  choices?: Choice[];
  assessment?: Assessment;
  design?: { id: string; version: number };
  error?: { code: string; message: string };
  /** A file to attach (export). */
  file?: { name: string; content: string; mime: string };
  /** The formulas behind the figures of this reply, shown on demand. */
  formulas?: string[];
}
