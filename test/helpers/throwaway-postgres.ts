import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 keeps initdb, pg_ctl and postgres (override with QUORUM_TEST_PG_BIN). */
export const postgresBin = process.env.QUORUM_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a throwaway cluster cannot be made here, or undefined when it can. */
export const noThrowawayPostgres: string | undefined = existsSync(path.join(postgresBin, 'initdb'))
  ? undefined
  : `no PostgreSQL server binaries in ${postgresBin} (install postgresql-15, or set QUORUM_TEST_PG_BIN to a folder holding initdb and pg_ctl)`;

/**
 * A Postgres cluster of the test's own, in a temporary folder on a free loopback port, that the test
 * may stop, restart and kill without touching any other server. As root, its commands run as the
 * `postgres` OS user (Postgres refuses to run as root).
 */
export class ThrowawayPostgres {
  readonly dir: string;
  readonly port: number;

  private constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }

  /** Makes (initdb) and starts a new cluster; trust authentication, user `quorum`, database `postgres`. */
  static async start(): Promise<ThrowawayPostgres> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quorum-pg-'));
    if (isRoot()) await chown(dir, ...(await postgresIds()));
    const cluster = new ThrowawayPostgres(dir, await freePort());
    await cluster.pg('initdb', ['-D', cluster.dataDir, '-U', 'quorum', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    await cluster.begin();
    return cluster;
  }

  /** The URL Quorum's store opens (QUORUM_STORE). */
  get url(): string {
    return `postgres://quorum@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** Starts the server and waits until it accepts connections. */
  async begin(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  }

  /**
   * Stops the server: `fast` ends every session and checkpoints; `immediate` is a crash (the next start
   * recovers from the write-ahead log).
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** Stops and starts the server again (pg_ctl restart). */
  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.begin();
  }

  /** Stops the server (if it runs) and removes its folder. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async pg(command: string, args: string[]): Promise<void> {
    const binary = path.join(postgresBin, command);
    const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    // The server's own folder as working directory: the postgres user may not be able to enter the test's.
    await run(file, argv, { cwd: this.dir, timeout: 90_000 });
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: group } = await run('id', ['-g', 'postgres']);
  return [Number(stdout.trim()), Number(group.trim())];
}

/** A TCP port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
