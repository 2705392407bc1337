import type { Turn } from '../../src/dialog/turn.ts';

/** Where a test conversation happens; every part has a default. */
export interface Place {
  platform?: Turn['platform'];
  workspace?: string;
  channel?: string;
  thread?: string;
}

/** A typed message from `user` in a thread (terminal, workspace "w", channel "c", thread "t" by default). */
export function said(text: string, user = 'alice', place: Place = {}): Turn {
  return {
    platform: place.platform ?? 'terminal',
    workspace: place.workspace ?? 'w',
    channel: place.channel ?? 'c',
    thread: place.thread ?? 't',
    user,
    text,
  };
}

/** A button click from `user`: the choice's value, and the design version the button was drawn for. */
export function clicked(value: string, version: number | undefined, user = 'alice', place: Place = {}): Turn {
  const { text: _omit, ...rest } = said('', user, place);
  return { ...rest, action: { value, ...(version !== undefined ? { version } : {}) } };
}
