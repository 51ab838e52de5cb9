// `npm start`: build the web app if its bundle is missing or older than its sources, then run the API
// (which serves the bundle) in this same process, so Ctrl-C and container signals reach it directly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const bundle = path.join(web, 'dist/index.html');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((f) => newestMtime(path.join(web, f)));
const contracts = newestMtime(path.join(root, 'packages/contracts/src'));
const builtAt = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (builtAt < Math.max(contracts, ...sources)) {
  console.log('Building the web app (first start or sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'apps/api/src/main.ts'));
