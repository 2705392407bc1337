import { assessCommand } from './assess.ts';
import { assessWordsCommand } from './assess-words.ts';
import { backCommand } from './back.ts';
import { cancelCommand } from './cancel.ts';
import { cardCommand } from './card.ts';
import { obligationsCommand, reasonsCommand, risksCommand, technologiesCommand } from './card-parts.ts';
import type { CommandSpec } from './command.ts';
import { deleteCommand } from './delete.ts';
import { diagramCommand } from './diagram.ts';
import { designCommand } from './design.ts';
import { designNamedCommand } from './design-named.ts';
import { designsCommand } from './designs.ts';
import { diffCommand } from './diff.ts';
import { editCommand } from './edit.ts';
import { explainCommand } from './explain.ts';
import { exportCommand } from './export.ts';
import { forgetWorkspaceCommand } from './forget-workspace.ts';
import { formulasCommand } from './formulas.ts';
import { helpCommand } from './help.ts';
import { historyCommand } from './history.ts';
import { interviewCommand } from './interview.ts';
import { listCommand } from './list.ts';
import { lookupCommand } from './lookup.ts';
import { milestoneCommand } from './milestone.ts';
import { nameCommand } from './name.ts';
import { openCommand } from './open.ts';
import { planAllCommand } from './plan-all.ts';
import { planChangeCommand } from './plan-change.ts';
import { planCommand } from './plan.ts';
import { restartCommand } from './restart.ts';
import { setCommand } from './set.ts';
import { showDesignCommand } from './show-design.ts';
import { showEntryCommand } from './show-entry.ts';
import { skipCommand } from './skip.ts';
import { whyNotCommand } from './why-not.ts';
import { whyCommand } from './why.ts';

/**
 * Every chat command Quorum understands, on every platform: the one place a command is added.
 *
 * To add a command:
 *   1. Write its handler in its own file in this folder, `src/dialog/commands/<name>.ts`:
 *      `export const fooCommand = defineCommand<{ … }>({ name, phrases?, verbs?, parse?, versionBound?, run })`.
 *      `phrases` are whole messages (`'show formulas'`), `verbs` first words with an argument after them
 *      (`'set'` in `set writesPerSec 20k`); `parse(arg, verb)` reads the argument (throw UserError with a
 *      message that says what to type; return undefined to let a later command with the same verb try);
 *      `run(ctx, args)` gets the turn, the thread's session state and saved design as read, and the core's
 *      ports (catalog, search, assessor, store) and returns `{ replies, state? }`.
 *   2. Add it to the list below. Order matters only between commands sharing a verb: the first whose
 *      `parse` accepts the message wins. Phrases are tried before verbs.
 *   3. Mention it in `replies/help-reply.ts` and interface.md's chat commands when it is public.
 * Nothing else changes: the parser, the core, the turn log and every adapter (Slack, Discord, terminal)
 * read this table, so the command works on every platform at once.
 */
export const commandTable: readonly CommandSpec<object>[] = [
  helpCommand,
  designCommand,
  designNamedCommand,
  interviewCommand,
  restartCommand,
  cancelCommand,
  backCommand,
  skipCommand,
  setCommand,
  assessCommand,
  assessWordsCommand,
  showDesignCommand,
  showEntryCommand,
  historyCommand,
  diffCommand,
  designsCommand,
  openCommand,
  exportCommand,
  planAllCommand,
  planCommand,
  planChangeCommand,
  editCommand,
  milestoneCommand,
  whyNotCommand,
  whyCommand,
  formulasCommand,
  cardCommand,
  diagramCommand,
  risksCommand,
  reasonsCommand,
  obligationsCommand,
  technologiesCommand,
  explainCommand,
  nameCommand,
  deleteCommand,
  forgetWorkspaceCommand,
  lookupCommand,
  listCommand,
];
