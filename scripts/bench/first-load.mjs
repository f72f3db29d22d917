/**
 * What a `<script type="module" src=".../thymia-recorder.js">` page downloads
 * before the person presses Record: the entry and every file it imports
 * statically (transitively), gzip -9 each, summed. Chunks reached only
 * through dynamic `import()` are listed apart: they load when used.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s})])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g;

function specifiers(code, pattern) {
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/** Sizes of the entry's static import graph and of the chunks it can load later. */
export function firstLoad(entry) {
  const directory = dirname(entry);
  const files = new Map();
  const lazy = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    const code = readFileSync(file);
    files.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const text = code.toString('utf8');
    for (const spec of specifiers(text, DYNAMIC_IMPORT)) lazy.add(join(directory, spec));
    for (const spec of specifiers(text, STATIC_IMPORT)) visit(join(directory, spec));
  };
  visit(entry);
  const later = new Map();
  const visitLater = (file) => {
    if (files.has(file) || later.has(file)) return;
    const code = readFileSync(file);
    later.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const text = code.toString('utf8');
    for (const spec of [...specifiers(text, STATIC_IMPORT), ...specifiers(text, DYNAMIC_IMPORT)]) visitLater(join(directory, spec));
  };
  for (const file of lazy) visitLater(file);
  const total = (map) => [...map.values()].reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 });
  const list = (map) => [...map].map(([file, size]) => ({ file: basename(file), ...size }));
  return { initial: list(files), initialTotal: total(files), later: list(later), laterTotal: total(later) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = firstLoad(process.argv[2] ?? 'dist/thymia-recorder.js');
  for (const { file, gzip } of result.initial) console.log(`first-load ${file} ${gzip} B`);
  console.log(`first-load.total ${(result.initialTotal.gzip / 1024).toFixed(2)} KiB (budget <= 20)`);
  for (const { file, gzip } of result.later) console.log(`on-demand ${file} ${gzip} B`);
}
