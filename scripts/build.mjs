// `npm run build`: bundles src/ into dist/ with esbuild, one CommonJS file per entry point: dist/main.js,
// cli.js, discord-deploy.js, discord-invite.js, shard-entry.js and record-data-checks.js (run below).
// What only some runs need (an adapter, Postgres, the diagram renderer) is in the file but evaluated
// only when first imported.
//
// Why CommonJS: Node compiles a CommonJS file lazily, function by function, but an ES module's text
// up front. Measured on this project (start to listening, 10 alternating runs): 880 -> 760 ms of CPU
// and 767 -> 720 ms wall for the same code bundled as CommonJS instead of ES module chunks.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const entryPoints = {
  main: 'src/main.ts',
  cli: 'src/cli.ts',
  'discord-deploy': 'src/discord-deploy.ts',
  'discord-invite': 'src/discord-invite.ts',
  'shard-entry': 'src/adapters/discord/shard-entry.ts',
  'record-data-checks': 'src/record-data-checks.ts',
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.12',
  sourcemap: true,
  // The chat SDKs load only when their platform is configured and stay as installed (the bare Bolt app
  // loads them the same way); native addons and the font files are not JavaScript to bundle.
  external: ['@slack/bolt', '@slack/*', 'discord.js', '@discordjs/*', '@resvg/resvg-js', 'pg', 'dejavu-fonts-ttf'],
  // The sources find their files from import.meta.url; in CommonJS it is made from the file's own name.
  define: { 'import.meta.url': '__quorumModuleUrl' },
  banner: { js: "const __quorumModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// The project's package.json says "type": "module"; this one makes Node read dist/*.js as CommonJS.
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// Checks every data file as a start would and records the results, so a start with unchanged data
// need not check the same bytes again (src/checked-data.ts). Broken data fails the build.
const recorded = spawnSync(process.execPath, ['dist/record-data-checks.js'], { stdio: 'inherit' });
if (recorded.status !== 0) process.exit(recorded.status ?? 1);
