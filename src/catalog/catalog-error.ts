/**
 * The catalog data is broken (a bug in data/catalog, not something a user typed). It lists
 * every problem found, each naming the file, the entry and what is wrong.
 */
export class CatalogError extends Error {
  readonly problems: readonly string[];

  constructor(dir: string, problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`catalog in ${dir} has ${count}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}
