/**
 * Measures how long one design save takes on the Postgres store: `saves` sequential saves
 * spread over a few threads, in a fresh schema that is dropped afterwards. Prints p50/p99 in ms.
 * Usage: npx tsx bench/postgres-saves.ts [postgres-url] [saves]   (URL defaults to QUORUM_TEST_POSTGRES_URL)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';

const baseUrl = process.argv[2] ?? process.env.QUORUM_TEST_POSTGRES_URL;
const saves = Number(process.argv[3] ?? 1000);
if (!baseUrl) throw new Error('Give a postgres:// URL as the first argument or in QUORUM_TEST_POSTGRES_URL.');

const schema = `quorum_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Pool({ connectionString: baseUrl, max: 1 });
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema}`);
const store = await openStore(url.toString());
try {
  const threads = 10;
  const latest = new Array<number>(threads).fill(0);
  const took: number[] = [];
  for (let i = 0; i < saves; i++) {
    const t = i % threads;
    const key = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: `t${t}` };
    const version = {
      requirements: { name: 'Ledger', writesPerSec: i, availability: 0.9999 },
      assessment: { capabilities: [], primitives: [], patterns: [], nearMisses: [], validation: { pass: true, checks: [] }, warnings: [], obligations: [], technologies: [] },
      answeredBy: { writesPerSec: 'U1' },
      savedBy: 'U1',
      savedAt: new Date().toISOString(),
      cause: `set writesPerSec ${i}`,
    };
    const start = performance.now();
    await store.designs.saveVersion(key, latest[t]!, version as never);
    took.push(performance.now() - start);
    latest[t]! += 1;
  }
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.floor(q * took.length))]!.toFixed(2);
  console.log(`${saves} saves (each returns the whole design, up to ${Math.ceil(saves / threads)} versions): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
} finally {
  await store.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
