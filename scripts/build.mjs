// `npm run build`: bundles src/ into dist/ with esbuild. Entry points: dist/main.js, cli.js,
// discord-deploy.js, discord-invite.js, shard-entry.js and record-data-checks.js (run below); what only some runs need (an adapter, the
// diagram renderer …) stays in chunks under dist/chunks/, loaded when imported.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  sourcemap: true,
  // The chat SDKs load only when their platform is configured and stay as installed (the bare Bolt app
  // loads them the same way); native addons and the font files are not JavaScript to bundle.
  external: ['@slack/bolt', '@slack/*', 'discord.js', '@discordjs/*', '@resvg/resvg-js', 'pg', 'dejavu-fonts-ttf'],
  // Bundled CommonJS libraries call require(); in an ES module it is made from the module's own URL.
  banner: { js: "import { createRequire as __quorumRequire } from 'node:module'; const require = __quorumRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Checks every data file as a start would and records the results, so a start with unchanged data
// need not check the same bytes again (src/checked-data.ts). Broken data fails the build.
const recorded = spawnSync(process.execPath, ['dist/record-data-checks.js'], { stdio: 'inherit' });
if (recorded.status !== 0) process.exit(recorded.status ?? 1);
