import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclesOf, filesUnder, importsOf, root, sourceGraph } from './import-graph.ts';

const coreFolders = ['src/catalog', 'src/rules', 'src/dialog', 'src/store'];

describe('dependency direction', () => {
  const coreFiles = coreFolders.flatMap((folder) => filesUnder(join(root, folder)));

  it('finds the core files it checks', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
  });

  it('keeps every chat SDK and every adapter out of the core', () => {
    const offences = coreFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@slack\/|^discord\.js$|^@discordjs\/|\/adapters\//.test(spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('reads process.env only in the entry points at the top of src/ (main, cli, the Discord scripts)', () => {
    const readers = filesUnder(join(root, 'src'))
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
      .filter((file) => !['src/main.ts', 'src/cli.ts', 'src/discord-deploy.ts', 'src/discord-invite.ts'].includes(file));
    expect(readers).toEqual([]);
  });

  it('has no import cycle anywhere in src/', () => {
    expect(cyclesOf(sourceGraph())).toEqual([]);
  });

  it('keeps the ports free of every store implementation, and the dialog free of src/store', () => {
    const offences = [...sourceGraph()]
      .filter(([file]) => file.startsWith('src/dialog/'))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('src/store/')).map((t) => `${file} imports ${t}`));
    expect(offences).toEqual([]);
  });

  it('lets adapters import only the core door, turn and reply types, the platform-only ports and start-up wiring', () => {
    const allowed = new Set([
      'src/dialog/door.ts',
      'src/dialog/turn.ts',
      'src/dialog/turn-result.ts',
      'src/dialog/reply.ts',
      // The reply model's own size bounds (how many messages a reply may become), shared by every renderer.
      'src/dialog/bounded-reply.ts',
      'src/dialog/ports/event-dedup.ts',
      'src/dialog/ports/installation-repo.ts',
      // The platform-only port through which adapters report platform events (rate limits, retries) to operations.
      'src/ops/platform-observer.ts',
      // The platform-free queue every adapter sends its replies through (order per thread, retries, give-up).
      'src/ops/reply-queue.ts',
      // A Discord shard process counts its own turns and answers its manager's request for them (IPC).
      'src/ops/shard-metrics.ts',
      // …and counts its interactions until their last reply is out, so its shutdown drain waits for them.
      'src/in-flight.ts',
      // Each adapter reads its own part of the parsed configuration; the Discord shard process starts
      // the core through the one start-up function and writes the same logs as main.ts.
      'src/config.ts',
      'src/start-up.ts',
      'src/log.ts',
      // Where the project's files are, built or not: the shard manager forks dist/shard-entry.js when built.
      'src/project-paths.ts',
    ]);
    const graph = sourceGraph();
    const adapterFiles = [...graph.keys()].filter((file) => file.startsWith('src/adapters/'));
    expect(adapterFiles.length).toBeGreaterThan(20);
    const offences = adapterFiles.flatMap((file) => {
      const own = file.split('/').slice(0, 3).join('/');
      return (graph.get(file) ?? []).filter((t) => !t.startsWith(`${own}/`) && !allowed.has(t)).map((t) => `${file} imports ${t}`);
    });
    expect(offences).toEqual([]);
    const reachesRulesOrCatalog = adapterFiles.flatMap((file) =>
      (graph.get(file) ?? []).filter((t) => /^src\/(rules|catalog)\//.test(t)).map((t) => `${file} imports ${t}`),
    );
    expect(reachesRulesOrCatalog).toEqual([]);
  });
});
