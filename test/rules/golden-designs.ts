import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Requirements } from '../../src/rules/requirements.ts';

/**
 * Every golden design of the engine: the reviewed worked examples (test/rules/golden, one file each)
 * and the published designs (test/rules/published/designs.json), each with its stated requirements.
 */
export function goldenDesigns(): Array<{ name: string; requirements: Requirements }> {
  const goldenDir = join(import.meta.dirname, 'golden');
  const golden = readdirSync(goldenDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as { requirements: unknown };
      return { name: `golden ${f.replace('.json', '')}`, requirements: Requirements.parse(raw.requirements) };
    });
  const published = JSON.parse(readFileSync(join(import.meta.dirname, 'published', 'designs.json'), 'utf8')) as {
    designs: Array<{ id: string; requirements: unknown }>;
  };
  return [...golden, ...published.designs.map((d) => ({ name: `published ${d.id}`, requirements: Requirements.parse(d.requirements) }))];
}
