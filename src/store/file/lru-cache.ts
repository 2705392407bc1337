/** Bounds of an LruCache: at most `maxEntries` entries, and (with `weigh`) at most `maxWeight` in total. */
export interface LruBounds<V> {
  maxEntries: number;
  maxWeight?: number;
  weigh?: (value: V) => number;
}

/**
 * A map bounded by its number of entries and optionally by their total weight, dropping the
 * least recently used entries first. The newest entry is always kept, even when it alone
 * weighs more than `maxWeight`.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>();
  #weight = 0;

  readonly #maxEntries: number;
  readonly #maxWeight: number;
  readonly #weigh: (value: V) => number;

  constructor(bounds: number | LruBounds<V>) {
    const { maxEntries, maxWeight = Number.POSITIVE_INFINITY, weigh = () => 0 } = typeof bounds === 'number' ? { maxEntries: bounds } : bounds;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${maxEntries}`);
    if (!(maxWeight > 0)) throw new RangeError(`LRU weight bound must be positive, got ${maxWeight}`);
    this.#maxEntries = maxEntries;
    this.#maxWeight = maxWeight;
    this.#weigh = weigh;
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` (weighed now) as the most recently used entry, evicting the oldest beyond the bounds. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.#weigh(value);
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    this.#evict();
  }

  /** Weighs the entry for `key` again (its value grew or shrank) and evicts beyond the bounds. */
  reweigh(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    const weight = this.#weigh(entry.value);
    this.#weight += weight - entry.weight;
    entry.weight = weight;
    this.#evict();
  }

  /** Forgets `key`. */
  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  /** Forgets every entry whose key passes `doomed`. */
  deleteWhere(doomed: (key: K) => boolean): void {
    for (const key of [...this.#entries.keys()]) if (doomed(key)) this.delete(key);
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The total weight of the entries held. */
  get weight(): number {
    return this.#weight;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }

  #evict(): void {
    while (this.#entries.size > 1 && (this.#entries.size > this.#maxEntries || this.#weight > this.#maxWeight)) {
      const oldest = this.#entries.keys().next().value as K;
      this.delete(oldest);
    }
  }
}
