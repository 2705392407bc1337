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
});
