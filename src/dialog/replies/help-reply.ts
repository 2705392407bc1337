import type { Reply } from '../reply.ts';

const commands: Array<[string, string]> = [
  ['design', 'start a design in this thread: describe it in a sentence, get a first design at once, then only the questions that matter'],
  ['interview', 'walk every question of the interview, keeping what the design already holds'],
  ['back / skip', 'undo the last answer, or leave this question unanswered'],
  ['restart / cancel', 'start the interview over, or stop it'],
  ['set <field> <value>', 'change one requirement (what-if), e.g. set writesPerSec 20k'],
  ['assess', 'assess the answers so far and save a version'],
  ['show', "this thread's design; show <id> shows a catalog entry such as P5"],
  ['history / diff <v1> <v2>', 'saved versions, and what changed between two'],
  ['designs', "this channel's designs (name, id, latest version, who, when), marking the one this thread has open"],
  ['design <name> / open <name or id>', 'start another design beside this thread\'s (the old ones are kept), or switch this thread to a saved design of this channel'],
  ['export [<milestone>]', 'a Markdown design record (of a milestone\'s version when named); export csv / export json give the plan as backlog rows'],
  ['plan / plan all', "this design's risks, proof obligations and failing checks with status and owner; every design's open high items"],
  ['ack <risk> <reason> / done <item> / reopen <item>', 'accept a risk with its reason, mark an item done, or open it again'],
  ['owner <item> <person>', 'give an item an owner (a mention or a name; nobody clears it)'],
  ['add <id> / drop <id>', 'put a primitive or pattern in or out by hand; the design is re-validated as a new version'],
  ['milestone <name>', 'name the latest version, e.g. milestone launch review'],
  ['why <id> / why not <id>', 'what put an item in the design, or kept it out'],
  ['card / diagram', "the latest assessment card, or the design's architecture as a picture"],
  ['risks / reasons / obligations / technologies', 'everything the card leaves out: every risk, every reason, what to prove, the technology picks'],
  ['formulas (or checks)', 'every figure of the latest assessment with its formula; why <check> (e.g. why availability) shows one'],
  ['name <title> / delete', 'title this design, or delete it (asks first)'],
  ['forget-workspace', "workspace admins: delete every design and conversation Quorum keeps for this workspace (says how many, asks first)"],
  ['lookup <words>', 'search the framework; plain questions like "what is CAP?" work too'],
  ['law / pattern / primitive / capability <words>', 'search one kind only, e.g. pattern outbox or primitive 5'],
  ['laws / patterns / primitives / capabilities', 'list every entry of that kind'],
];

/** The list of chat commands, with a note about the interview when one is running. */
export function helpReply(interviewing: boolean): Reply {
  const intro = interviewing
    ? 'We are in the middle of a design interview: answer the question in your own words, or use a command.'
    : 'I help you design distributed systems with the Distributed Systems Framework.';
  return {
    kind: 'help',
    title: 'Quorum commands',
    summary: intro,
    text: [intro, ...commands.map(([c, what]) => `• ${c} — ${what}`)].join('\n'),
    fields: commands.map(([label, value]) => ({ label, value })),
    choices: interviewing
      ? [{ label: 'Skip', value: 'skip' }, { label: 'Back', value: 'back' }, { label: 'Cancel', value: 'cancel' }]
      : [{ label: 'Start a design', value: 'design' }, { label: 'Designs here', value: 'designs' }],
  };
}
