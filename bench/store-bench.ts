import type { DesignVersion } from '../src/dialog/ports/design-store.ts';
import { openStore } from '../src/store/open-store.ts';
import { figure, type Figure } from './lib/figures.ts';
import { bytesOnDisk, seedStore, seededKey, seedUser, seedVersions } from './lib/seed-store.ts';
import { nowMs, seededRandom, summarize, timeEach } from './lib/stats.ts';

/** Save and load latency (ms) of one store size, its size on disk, and how long seeding it took. */
export interface StoreSize {
  designs: number;
  save: ReturnType<typeof summarize>;
  load: ReturnType<typeof summarize>;
  bytes: number;
  allocated: number;
  files: number;
  seedSeconds: number;
}

/**
 * Measures the file store at `dir` holding `designs` designs: saving a new version of a random
 * design, and loading a random design, uniformly over all of them (the least cache-friendly pattern).
 * A fresh store instance is opened, so nothing is cached from the seeding.
 */
async function measure(dir: string, designs: number, samples: number, latest: Map<number, number>): Promise<Omit<StoreSize, 'seedSeconds'>> {
  const { size, allocated, files } = await bytesOnDisk(dir);
  const stores = await openStore(`file:${dir}`);
  const random = seededRandom(designs);
  const first = await stores.designs.getDesign(seededKey(0));
  if (!first) throw new Error('the seeded store has no design 0');
  const template = first.versions[0]!;
  const nextVersion = (n: number): Omit<DesignVersion, 'version'> => ({
    requirements: { ...template.requirements, writesPerSec: 1000 + n },
    assessment: template.assessment,
    answeredBy: { ...template.answeredBy, writesPerSec: seedUser },
    savedBy: seedUser,
    savedAt: new Date().toISOString(),
    cause: `set writesPerSec ${1000 + n}`,
  });
  const save = async () => {
    const n = Math.floor(random() * designs);
    const expected = latest.get(n) ?? 1;
    await stores.designs.saveVersion(seededKey(n), expected, nextVersion(n));
    latest.set(n, expected + 1);
  };
  const load = async () => {
    const design = await stores.designs.getDesign(seededKey(Math.floor(random() * designs)));
    if (!design) throw new Error('a seeded design is missing');
  };
  const warmup = Math.min(64, samples);
  const saves = summarize(await timeEach(samples, warmup, save));
  const loads = summarize(await timeEach(samples, warmup, load));
  await stores.close();
  return { designs, save: saves, load: loads, bytes: size, allocated, files };
}

/**
 * One file store that grows through the sizes under test: `grow` saves designs through the store
 * itself, `measure` opens it afresh and times saves and loads at the current size.
 */
export class GrowingStore {
  /** The latest version of each design the measurements saved to, across sizes. */
  readonly #latest = new Map<number, number>();
  #have = 0;
  #versions: Awaited<ReturnType<typeof seedVersions>> | undefined;

  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** How many designs the store holds. */
  get designs(): number {
    return this.#have;
  }

  /** Saves designs until the store holds `to`; returns the seconds it took. */
  async grow(to: number): Promise<number> {
    this.#versions ??= await seedVersions();
    const start = nowMs();
    await seedStore(this.dir, this.#have, to, this.#versions);
    this.#have = Math.max(this.#have, to);
    return (nowMs() - start) / 1000;
  }

  /** Records that the store was grown to `to` designs elsewhere (another process). */
  grownElsewhere(to: number): void {
    this.#have = to;
  }

  /** Save and load latency at the current size, with `samples` of each. */
  async measure(samples: number, seedSeconds = Number.NaN): Promise<StoreSize> {
    return { ...(await measure(this.dir, this.#have, samples, this.#latest)), seedSeconds };
  }
}

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Figure 5: store save/load latency at each size against the smallest size, and bytes on disk. */
export function storeFigures(results: readonly StoreSize[]): Figure[] {
  const base = results[0]!;
  const largest = results.at(-1)!;
  const figures: Figure[] = [];
  for (const r of results) {
    const isLargest = r === largest;
    figures.push(
      figure(`5 store save p50 @${k(r.designs)}`, r.save.p50, 'ms', { baseline: base.save.p50 }),
      figure(`5 store save p99 @${k(r.designs)}`, r.save.p99, 'ms', { baseline: base.save.p99, ...(isLargest && { target: { maxRatio: 2 } }) }),
      figure(`5 store load p50 @${k(r.designs)}`, r.load.p50, 'ms', { baseline: base.load.p50 }),
      figure(`5 store load p99 @${k(r.designs)}`, r.load.p99, 'ms', { baseline: base.load.p99 }),
      figure(`5 store on disk (allocated) @${k(r.designs)}`, r.allocated / 2 ** 20, 'MiB', { baseline: (base.allocated / 2 ** 20) * (r.designs / base.designs) }),
      figure(`5 store file bytes per design @${k(r.designs)}`, r.bytes / r.designs, 'B', { baseline: base.bytes / base.designs }),
      ...(Number.isFinite(r.seedSeconds) ? [figure(`5 store seeding saves/s up to ${k(r.designs)}`, (r.designs - (results[results.indexOf(r) - 1]?.designs ?? 0)) / r.seedSeconds, 'saves/s')] : []),
    );
  }
  return figures;
}
