import type { Design, DesignVersion } from './ports/design-store.ts';

/** The latest version of a saved design (a stored design always has one). */
export function latestOf(design: Design): DesignVersion {
  const latest = design.versions.at(-1);
  if (!latest) throw new Error(`design ${design.id} has no versions`);
  return latest;
}
