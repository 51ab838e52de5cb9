import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API package's folder (apps/api), found by walking up from this file to its package.json. The
 * same code runs from sources (tsx, tests) and from the single-file bundle `npm start` builds into
 * apps/api/dist, so files shipped beside the code are located from here, never from a relative hop.
 */
function findApiRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === '@motcua/api') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the @motcua/api package folder');
  }
}

export const apiRoot = findApiRoot();
