// `npm run dev`: API with restart on change (port 8080) and the Vite dev server with hot reload (port 5173).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const children = [
  spawn(process.execPath, [bin('tsx/dist/cli.mjs'), 'watch', 'apps/api/src/main.ts'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [bin('vite/bin/vite.js')], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' }),
];
console.log('API on http://localhost:8080, web app with hot reload on http://localhost:5173');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
