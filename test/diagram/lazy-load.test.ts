import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

/** The modules a file imports when it loads: static imports and re-exports that are not type-only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

/** Every package and source file reachable through load-time imports from `entry`. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('start-up cost of the diagram', () => {
  for (const entry of ['main.ts', 'cli.ts']) {
    it(`loads neither the layout library nor the rasterizer when ${entry} starts`, () => {
      const { files, packages } = reachable(join(src, entry));
      expect(files.size).toBeGreaterThan(20);
      expect(packages.has('zod')).toBe(true);
      expect([...packages].filter((p) => p === '@resvg/resvg-js' || p === '@dagrejs/dagre')).toEqual([]);
      expect([...files].filter((f) => f.endsWith('render-png.ts') || f.endsWith('diagram-layout.ts'))).toEqual([]);
    });
  }

  it('finds the renderer behind the dynamic import of the diagram reply', () => {
    const reply = readFileSync(join(src, 'dialog/replies/diagram-reply.ts'), 'utf8');
    expect(reply).toMatch(/await import\('\.\.\/\.\.\/diagram\/render-png\.ts'\)/);
    expect(reachable(join(src, 'diagram/render-png.ts')).packages).toEqual(new Set(['@resvg/resvg-js', '@dagrejs/dagre', 'node:fs', 'node:module']));
  });
});
