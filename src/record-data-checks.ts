// Entry point `npm run build` runs once it has bundled dist/ (node dist/record-data-checks.js): builds the
// core exactly as a start does, with every data file checked by zod, and records the checks' results
// in dist/checked-data.json for the exact bytes checked. Broken data fails the build here, naming the problem.
import { createQuorum } from './bootstrap.ts';
import { recordedChecksFile, recordingMemo, useCheckMemo } from './checked-data.ts';
import { loadConfig } from './config.ts';

async function record(): Promise<void> {
  const memo = recordingMemo();
  useCheckMemo(memo);
  const quorum = await createQuorum(loadConfig({ QUORUM_STORE: 'memory:' }));
  await quorum.close();
  const recorded = memo.write(recordedChecksFile);
  process.stdout.write(`build: checked the data files and recorded ${recorded} checks in dist/checked-data.json\n`);
}

record().catch((err: unknown) => {
  process.stderr.write(`build: the data files do not pass their checks:\n${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
