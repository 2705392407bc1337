import type { Requirements } from '../rules/requirements.ts';

/** What the engine knows of the thread's saved design (the latest version). */
export interface DesignSnapshot {
  id: string;
  title: string;
  latestVersion: number;
  requirements: Requirements;
  answeredBy: Record<string, string>;
}
