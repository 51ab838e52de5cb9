// `npm start`: build the web app if its bundle is missing or older than its sources, then run the API
// (which serves the bundle) in this same process, so Ctrl-C and container signals reach it directly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

// The API runs from one bundled file: loading ~300 TypeScript modules through a transpiling loader
// on every start took seconds; the bundle keeps npm packages external and is rebuilt only when stale.
const api = path.join(root, 'apps/api');
const apiBundle = path.join(api, 'dist/main.mjs');
const apiSources = ['src', 'seed', 'package.json'].map((f) => newestMtime(path.join(api, f)));
const apiBuiltAt = fs.existsSync(apiBundle) ? fs.statSync(apiBundle).mtimeMs : 0;
if (apiBuiltAt < Math.max(contracts, ...apiSources, newestMtime(fileURLToPath(import.meta.url)))) {
  const esbuild = createRequire(path.join(api, 'package.json'))('esbuild');
  const built = await esbuild.build({
    entryPoints: [path.join(api, 'src/main.ts')],
    outfile: apiBundle,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        // npm packages load from node_modules as usual; only our own TypeScript (incl. @motcua/*) is bundled.
        name: 'external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@motcua/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  // Written beside and renamed into place, so a second server starting at the same moment never
  // imports a half-written bundle.
  for (const out of built.outputFiles) {
    const tmp = `${out.path}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(out.path), { recursive: true });
    fs.writeFileSync(tmp, out.contents);
    fs.renameSync(tmp, out.path);
  }
}
// Stack traces in logs point at the TypeScript sources, not the bundle.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(apiBundle).href);
