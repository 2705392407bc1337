import * as z from 'zod';
import { DrawnFor } from '../../dialog/turn.ts';
import { slackLimits } from './slack-limits.ts';

/** Where a click belongs: the session thread and the design version the control was drawn for. */
export interface ActionContext {
  thread: string;
  version?: number;
  /** What the core said the control was drawn for; handed back to it with the click. */
  drawnFor?: DrawnFor;
}

/** A button's value: its context plus the text the click stands for. */
export interface ChoiceAction extends ActionContext {
  value: string;
}

const ButtonValue = z.object({ t: z.string().min(1), v: z.number().int().optional(), d: DrawnFor.optional(), c: z.string() });

/** The action_id prefix of every Quorum choice control. */
export const choiceActionPrefix = 'quorum_choice_';
/** The action_id of the "Share in channel" button on private answers. */
export const shareActionId = 'quorum_share';

/** Packs a choice into a button value, or undefined when it would not fit Slack's 2,000 characters. */
export function encodeButtonValue(action: ChoiceAction): string | undefined {
  const encoded = JSON.stringify({
    t: action.thread,
    ...(action.version !== undefined && { v: action.version }),
    ...(action.drawnFor && { d: action.drawnFor }),
    c: action.value,
  });
  return encoded.length <= slackLimits.buttonValue ? encoded : undefined;
}

/** Reads a button value written by encodeButtonValue; anything else is undefined. */
export function decodeButtonValue(raw: string | undefined): ChoiceAction | undefined {
  if (!raw) return undefined;
  try {
    const parsed = ButtonValue.safeParse(JSON.parse(raw));
    if (!parsed.success) return undefined;
    const { t, v, d, c } = parsed.data;
    return { thread: t, value: c, ...(v !== undefined && { version: v }), ...(d && { drawnFor: d }) };
  } catch {
    return undefined;
  }
}

/**
 * A select's options can hold only 150 characters each, so the context rides in the block_id
 * (`q|<version>|<index>|<thread>`, or with what the core drew it for
 * `d|<design>|<session or ->|<owner or ->|<index>|<thread>`) and each option's value is the choice itself.
 */
export function encodeBlockContext(context: ActionContext, index: number): string | undefined {
  const drawn = context.drawnFor;
  const encoded = drawn
    ? `d|${drawn.design}|${drawn.session ?? '-'}|${drawn.owner ?? '-'}|${index}|${context.thread}`
    : `q|${context.version ?? ''}|${index}|${context.thread}`;
  return encoded.length <= slackLimits.blockId ? encoded : undefined;
}

/** Reads a block_id written by encodeBlockContext. */
export function decodeBlockContext(blockId: string | undefined): ActionContext | undefined {
  const drawn = /^d\|(\d+)\|(\d+|-)\|([^|]+)\|\d+\|(.+)$/s.exec(blockId ?? '');
  if (drawn) {
    const [, design, session, owner, thread] = drawn;
    const drawnFor: DrawnFor = { design: Number(design), ...(session !== '-' && { session: Number(session) }), ...(owner !== '-' && { owner: owner! }) };
    return { thread: thread!, version: drawnFor.design, drawnFor };
  }
  const match = /^q\|(\d*)\|\d+\|(.+)$/s.exec(blockId ?? '');
  if (!match) return undefined;
  return { thread: match[2]!, ...(match[1] ? { version: Number(match[1]) } : {}) };
}

/** The action_id prefix of owner pickers (users_select); it starts like every choice control's. */
export const ownerActionPrefix = `${choiceActionPrefix}owner_`;
/** The action_id prefix of link buttons ("Open as issue"): Slack reports their clicks, which change nothing. */
export const linkActionPrefix = 'quorum_link_';

/** An owner picker's block_id: `o|<version>|<thread>|<command>`; the picked user completes the command. */
export function encodeOwnerContext(context: ActionContext, command: string): string | undefined {
  const encoded = `o|${context.version ?? ''}|${encodeURIComponent(context.thread)}|${command}`;
  return encoded.length <= slackLimits.blockId ? encoded : undefined;
}

/** Reads an owner picker's block_id and the picked user into the command it stands for (`owner <item> <@U1>`). */
export function decodeOwnerPick(blockId: string | undefined, user: string | undefined): ChoiceAction | undefined {
  const match = /^o\|(\d*)\|([^|]+)\|(.+)$/s.exec(blockId ?? '');
  if (!match || !user || !/^[UW][A-Z0-9]{1,40}$/.test(user)) return undefined;
  let thread: string;
  try {
    thread = decodeURIComponent(match[2]!);
  } catch {
    return undefined;
  }
  return { thread, value: `${match[3]} <@${user}>`, ...(match[1] ? { version: Number(match[1]) } : {}) };
}
