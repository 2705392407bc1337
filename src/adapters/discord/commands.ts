import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { LookupKind } from '../../dialog/door.ts';

/** The catalog commands: each shows one entry of its kind, with autocomplete restricted to that kind. */
export const entryCommands = {
  law: 'law',
  pattern: 'pattern',
  primitive: 'primitive',
  capability: 'capability',
} as const satisfies Record<string, LookupKind>;

/** The `/design` subcommands and the chat command each one stands for. */
export const designSubcommands = {
  start: 'design',
  show: 'show',
  list: 'designs',
  open: 'open',
  history: 'history',
  export: 'export',
  assess: 'assess',
  diagram: 'diagram',
  'forget-workspace': 'forget-workspace',
} as const;

/** The `/design` subcommands that take a name: optional for `start` (a named design), required for `open`. */
export const namedSubcommands = { start: false, open: true } as const satisfies Partial<Record<keyof typeof designSubcommands, boolean>>;

const entryDescriptions: Record<keyof typeof entryCommands, string> = {
  law: 'Show a law of distributed systems (CAP, Little’s law, …)',
  pattern: 'Show a pattern (outbox, saga, …)',
  primitive: 'Show a primitive (P1 … P20)',
  capability: 'Show a capability (LinearizableWrite, …)',
};

const designDescriptions: Record<keyof typeof designSubcommands, string> = {
  start: 'Start a design (optionally named) with a guided interview; in a thread, beside its others',
  show: 'Show the design of this thread',
  list: 'List the designs of this channel, marking the one this thread has open',
  open: 'Switch this thread to a saved design of this channel, by name or id',
  history: 'List the saved versions of this thread’s design',
  export: 'Export this thread’s design as a Markdown record',
  assess: 'Assess requirements given in plain words (e.g. financial, 20k writes/s, four nines)',
  diagram: 'Draw this thread’s design as a picture of its architecture',
  'forget-workspace': 'Server managers: delete every design Quorum keeps for this server (asks first)',
};

/** Every slash command Quorum registers, as the JSON body of Discord's bulk overwrite. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const lookup = new SlashCommandBuilder()
    .setName('lookup')
    .setDescription('Search the framework: laws, capabilities, primitives, patterns and more')
    .addStringOption((o) => o.setName('query').setDescription('What to look for').setRequired(true).setAutocomplete(true).setMaxLength(200));
  const entries = (Object.keys(entryCommands) as Array<keyof typeof entryCommands>).map((name) =>
    new SlashCommandBuilder()
      .setName(name)
      .setDescription(entryDescriptions[name])
      .addStringOption((o) => o.setName('name').setDescription(`Which ${name}`).setRequired(true).setAutocomplete(true).setMaxLength(200)),
  );
  const design = new SlashCommandBuilder().setName('design').setDescription('Design a distributed system with Quorum');
  for (const sub of Object.keys(designSubcommands) as Array<keyof typeof designSubcommands>) {
    design.addSubcommand((s) => {
      s.setName(sub).setDescription(designDescriptions[sub]);
      if (sub === 'start' || sub === 'open') {
        const required = namedSubcommands[sub];
        s.addStringOption((o) => o.setName('name').setDescription(required ? 'The design’s name or id' : 'A name for the new design').setRequired(required).setMaxLength(200).setAutocomplete(required));
      }
      if (sub === 'assess') {
        s.addStringOption((o) => o.setName('requirements').setDescription('Your requirements in plain words').setRequired(true).setMaxLength(2000));
      }
      return s;
    });
  }
  return [lookup, ...entries, design].map((b) => b.toJSON());
}
