import type { Design, DesignSummary, DesignVersion } from '../ports/design-store.ts';
import { describeDiff, type DesignDiff } from '../design-diff.ts';
import { formatRequirements } from '../format-value.ts';
import type { Reply } from '../reply.ts';

const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

/** What changed between two versions, requirements first, then the recommendation. */
export function diffReply(diff: DesignDiff, from: number, to: number): Reply {
  const { requirements, recommendation } = describeDiff(diff);
  const req = requirements.length > 0 ? requirements : ['(no requirement changed)'];
  const rec = recommendation.length > 0 ? recommendation : ['(the recommendation is the same)'];
  return {
    kind: 'design',
    title: `What changed from v${from} to v${to}`,
    text: [`What changed from v${from} to v${to}`, 'Requirements:', ...req.map((l) => `  ${l}`), 'Recommendation:', ...rec.map((l) => `  ${l}`)].join('\n'),
    fields: [
      { label: 'Requirements', value: req.join('\n').slice(0, 1000) },
      { label: 'Recommendation', value: rec.join('\n').slice(0, 1000) },
    ],
  };
}

/** A thread's versions, oldest first: number, milestone names, who, when and why. */
export function historyReply(design: Design, milestones: Map<number, string[]> = new Map()): Reply {
  const named = (n: number) => (milestones.get(n) ?? []).map((m) => ` "${m}"`).join('');
  const lines = design.versions.map((v) => `v${v.version}${named(v.version)} · ${when(v.savedAt)} · by ${v.savedBy} · ${v.cause}`);
  const latest = design.versions.length;
  return {
    kind: 'design',
    title: `History of "${design.title}" (${design.id})`,
    text: [`History of "${design.title}" (${design.id})`, ...lines].join('\n'),
    fields: [{ label: 'Versions', value: lines.join('\n').slice(-1000) }],
    choices: latest >= 2 ? [{ label: `Diff v${latest - 1} → v${latest}`, value: `diff ${latest - 1} ${latest}` }] : [],
  };
}

/** A channel's designs, most recently updated first: name, id, latest version, when and by whom; `openId` is marked. */
export function designsReply(designs: DesignSummary[], openId?: string): Reply {
  if (designs.length === 0) {
    return { kind: 'list', text: 'No designs in this channel yet. Type design <name> to start one.', choices: [{ label: 'Start a design', value: 'design' }] };
  }
  const lines = designs.map((d) => `${d.id === openId ? '▶ ' : ''}${d.title} (${d.id}) · v${d.latestVersion} · ${when(d.updatedAt)} · by ${d.savedBy}${d.id === openId ? ' · open in this thread' : ''}`);
  const others = designs.filter((d) => d.id !== openId).slice(0, 5);
  const tail = designs.length > 1 || openId === undefined ? 'open <name or id> switches this thread to one; design <name> starts another.' : 'design <name> starts another beside it.';
  return {
    kind: 'list',
    title: 'Designs in this channel',
    text: ['Designs in this channel:', ...lines, tail].join('\n'),
    fields: [{ label: 'Designs', value: lines.join('\n').slice(0, 1000) }],
    choices: others.map((d) => ({ label: `Open "${d.title}"`.slice(0, 75), value: `open ${d.id}` })),
  };
}

/** The design's header: id, version, who saved it, and the requirements with who gave them. */
export function designSummaryReply(design: Design, latest: DesignVersion): Reply {
  const req = formatRequirements(latest.requirements, latest.answeredBy);
  const head = `"${design.title}" (${design.id}), version ${latest.version}, saved ${when(latest.savedAt)} by ${latest.savedBy}`;
  return {
    kind: 'design',
    title: design.title,
    summary: head,
    text: [head, 'Requirements:', ...req.map((l) => `  ${l}`)].join('\n'),
    fields: [{ label: 'Requirements', value: req.join('\n').slice(0, 1000) }],
  };
}

/** The answers gathered so far in an interview that has not been assessed yet. */
export function answersSoFarReply(requirements: Record<string, unknown>, answeredBy: Record<string, string>): Reply {
  const req = formatRequirements(requirements, answeredBy);
  return {
    kind: 'design',
    text: req.length > 0 ? ['No saved design yet. Answers so far:', ...req.map((l) => `  ${l}`)].join('\n') : 'No saved design yet, and no answers so far. Type design to start.',
  };
}
