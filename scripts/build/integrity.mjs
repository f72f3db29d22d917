// @ts-check
/**
 * Writes dist/integrity.json: the SRI hash (sha384, as `integrity` attributes and import maps take
 * it) of every file a page loads: the top-level `dist/*.js` (the entry, its chunks, the worklet),
 * keyed by file name. Not `dist/lib/`, the bundler build a page never loads (and a bundler rehashes
 * what it emits), nor declarations or source maps, which never run. A host
 * that requires Subresource Integrity covers the entry with the attribute and every file the entry
 * loads later (chunks, languages, the worklet) with an import map's "integrity" from this file.
 * Runs last in `npm run build`, after every file under dist/ is written.
 *
 *   node scripts/build/integrity.mjs [dist]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INTEGRITY_FILE = 'integrity.json';

/** `sha384-…` of the bytes. @param {Uint8Array} bytes */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Every script directly in `dir` (not its subfolders), sorted, with its SRI hash. @param {string} dir */
export function integrityOf(dir) {
  /** @type {Record<string, string>} */
  const hashes = {};
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => entry.name)
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
