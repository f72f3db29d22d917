// @ts-check
/**
 * Takes the doc comments out of the type declarations of the element's internal layers (state,
 * capture, storage, flow, render). Hosts never import those modules: their declarations are in the
 * package only so the public ones (the element, its events and errors, the api schemas, the
 * server half, the framework wrappers) resolve, and an editor shows the public ones' comments.
 * The internal comments were a quarter of the packed declarations' bytes.
 * Uses TypeScript's own printer, so only comments go and the declarations stay byte-for-byte valid.
 *
 *   node scripts/build/internal-declarations.mjs [dist/lib]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const INTERNAL_LAYERS = ['state', 'capture', 'storage', 'flow', 'render'];

/** The declaration text without its comments. @param {string} fileName @param {string} text */
export function withoutComments(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lib = process.argv[2] ?? fileURLToPath(new URL('../../dist/lib', import.meta.url));
  let before = 0;
  let after = 0;
  for (const layer of INTERNAL_LAYERS) {
    const dir = join(lib, layer);
    for (const name of readdirSync(dir, { recursive: true })) {
      if (typeof name !== 'string' || !name.endsWith('.d.ts')) continue;
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const stripped = withoutComments(path, text);
      before += text.length;
      after += stripped.length;
      writeFileSync(path, stripped);
    }
  }
  console.log(`internal declarations: ${before} → ${after} characters (${INTERNAL_LAYERS.join(', ')})`);
}
