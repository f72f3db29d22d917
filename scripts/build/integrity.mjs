// @ts-check
/**
 * Writes dist/integrity.json: the SRI hash (sha384, as `integrity` attributes and import maps take
 * it) of every file under dist/ that runs (its `.js` files: the type declarations never run, and the
 * source maps are not published), keyed by its path relative to dist/ with forward slashes. A host
 * that requires Subresource Integrity covers the entry with the attribute and every file the entry
 * loads later (chunks, languages, the worklet) with an import map's "integrity" from this file.
 * Runs last in `npm run build`, after every file under dist/ is written.
 *
 *   node scripts/build/integrity.mjs [dist]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INTEGRITY_FILE = 'integrity.json';

/** `sha384-…` of the bytes. @param {Uint8Array} bytes */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Every script under `dir`, sorted, with its SRI hash. @param {string} dir */
export function integrityOf(dir) {
  /** @type {Record<string, string>} */
  const hashes = {};
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path.endsWith('.js') && !path.endsWith('.d.js'))
    .sort();
  for (const path of files) hashes[path] = sri(readFileSync(join(dir, path)));
  return hashes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../../dist', import.meta.url));
  const hashes = integrityOf(dir);
  writeFileSync(join(dir, INTEGRITY_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
  console.log(`${INTEGRITY_FILE}: ${Object.keys(hashes).length} files`);
}
