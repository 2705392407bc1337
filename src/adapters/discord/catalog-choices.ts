import type { Core, LookupKind } from '../../dialog/door.ts';
import type { Place } from './conversation.ts';
import { clip, discordLimits as max } from './limits.ts';

/** One autocomplete choice: what the user sees, and the entry id the command receives. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/** Autocomplete from the core's completions, within Discord's caps (25 choices, 100 characters each). */
export function autocompleteChoices(core: Core, typed: string, kind?: LookupKind): AutocompleteChoice[] {
  return core.complete({ typed, limit: max.autocompleteChoices, ...(kind && { kind }) }).map((choice) => ({
    name: clip(choice.label, max.choiceName),
    value: clip(choice.id, max.choiceValue),
  }));
}

/** Autocomplete of the channel's saved designs for `/design open name:` (the value is the design's id). */
export async function designChoices(core: Core, place: Place, typed: string): Promise<AutocompleteChoice[]> {
  const { platform, workspace, channel } = place;
  const found = await core.completeDesigns({ platform, workspace, channel, typed, limit: max.autocompleteChoices });
  return found.map((choice) => ({ name: clip(choice.label, max.choiceName), value: clip(choice.id, max.choiceValue) }));
}
