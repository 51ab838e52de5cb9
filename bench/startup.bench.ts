// Embedded mode: first start (empty data dir: migrate + seed) and a later start, measured as real
// `node scripts/start.mjs` processes until /api/health answers, plus the server's resident memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, type BenchResult } from './lib.ts';

const root = path.resolve(import.meta.dirname, '..');

async function startOnce(dataDir: string, port: number): Promise<{ ms: number; rssMb: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTCUA_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { env, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export default async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-start-'));
  try {
    const first = await startOnce(dir, 18_181);
    const later = await startOnce(dir, 18_181);
    return [
      { name: 'embedded first start (migrate + seed) to healthy', value: round(first.ms / 1000), unit: 's' },
      { name: 'embedded later start to healthy', value: round(later.ms / 1000), unit: 's', goal: '< 5 s' },
      { name: 'embedded server resident memory after start', value: round(later.rssMb, 0), unit: 'MiB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
