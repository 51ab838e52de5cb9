import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A private PostgreSQL cluster in a temporary directory, for tests that stop and start the server.
 * The machine's shared PostgreSQL is never touched. As root the server runs as the `postgres` user
 * (PostgreSQL refuses root), so the directory is handed to that user first.
 */
export class PrivatePostgres {
  readonly dir: string;
  private readonly bin: string;
  private readonly asRoot = process.getuid?.() === 0;

  /** A new cluster directory, or (with `dir`) a handle on one that global setup created. */
  constructor(
    readonly port: number,
    dir?: string,
  ) {
    const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
    this.bin = path.join('/usr/lib/postgresql', versions.at(-1)!, 'bin');
    this.dir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reliability-pg-'));
  }

  /** `postgres://` URL of a database on this cluster (over TCP, trust authentication). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(cmd: string, args: string[]): string {
    const full = path.join(this.bin, cmd);
    const [file, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  init(): void {
    if (this.asRoot) execFileSync('chown', ['postgres:', this.dir]);
    this.run('initdb', ['-D', path.join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  }

  start(): void {
    // fsync off: these tests stop the server cleanly and spare the shared disk; listen on TCP only.
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: open sessions are terminated (57P01), as in a real restart or failover. */
  stop(): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async query(sql: string, database = 'postgres'): Promise<pg.QueryResult> {
    const c = new pg.Client({ connectionString: this.url(database) });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
