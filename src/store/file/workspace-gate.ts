/**
 * Lets any number of store operations run in a workspace at once, and a workspace's deletion run
 * alone: `exclusive` waits for the operations already inside to finish, and operations that arrive
 * meanwhile wait for the deletion, so none writes a file into a folder being removed.
 */
export class WorkspaceGate {
  readonly #inside = new Map<string, number>();
  readonly #emptied = new Map<string, () => void>();
  readonly #closed = new Map<string, Promise<unknown>>();

  /** Runs `task` as one operation in `workspace`. */
  async run<T>(workspace: string, task: () => Promise<T>): Promise<T> {
    for (let closed = this.#closed.get(workspace); closed; closed = this.#closed.get(workspace)) await closed.catch(() => undefined);
    this.#inside.set(workspace, (this.#inside.get(workspace) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const left = this.#inside.get(workspace)! - 1;
      if (left > 0) this.#inside.set(workspace, left);
      else {
        this.#inside.delete(workspace);
        this.#emptied.get(workspace)?.();
      }
    }
  }

  /** Runs `task` once no operation is inside `workspace`, keeping new ones out until it settles. */
  async exclusive<T>(workspace: string, task: () => Promise<T>): Promise<T> {
    for (let closed = this.#closed.get(workspace); closed; closed = this.#closed.get(workspace)) await closed.catch(() => undefined);
    const done = (async () => {
      if (this.#inside.has(workspace)) await new Promise<void>((resolve) => this.#emptied.set(workspace, resolve));
      this.#emptied.delete(workspace);
      return task();
    })();
    this.#closed.set(workspace, done);
    try {
      return await done;
    } finally {
      this.#closed.delete(workspace);
    }
  }
}
