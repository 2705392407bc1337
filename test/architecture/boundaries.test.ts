import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const coreFolders = ['src/catalog', 'src/rules', 'src/dialog', 'src/store'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

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

  it('reads process.env only in src/main.ts and src/cli.ts', () => {
    const readers = filesUnder(join(root, 'src'))
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
      .filter((file) => !['src/main.ts', 'src/cli.ts'].includes(file));
    expect(readers).toEqual([]);
  });
});
