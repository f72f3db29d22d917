// @ts-check
/**
 * Copies the hand-written JSX declarations (src/preact.d.ts, src/solid.d.ts) to dist/lib, where the
 * `thymia-recorder/preact` and `/solid` exports point. tsc neither emits nor copies a `.d.ts`, and it
 * cannot check these here: they augment `preact` and `solid-js`, which the root install does not
 * have (tsconfig.json excludes them). test/types/run.mjs checks them against both frameworks.
 *
 *   node scripts/build/jsx-declarations.mjs
 */
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const JSX_DECLARATIONS = ['preact.d.ts', 'solid.d.ts'];

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const lib = fileURLToPath(new URL('../../dist/lib/', import.meta.url));
for (const file of JSX_DECLARATIONS) {
  // What they import must have been emitted (tsc -p tsconfig.types.json runs first).
  for (const needed of ['index.d.ts', 'template-types.d.ts', 'thymia-recorder.d.ts']) {
    if (!existsSync(`${lib}${needed}`)) throw new Error(`jsx-declarations: dist/lib/${needed} is missing (run tsc -p tsconfig.types.json first)`);
  }
  copyFileSync(`${src}${file}`, `${lib}${file}`);
}
console.log(`dist/lib: ${JSX_DECLARATIONS.join(', ')}`);
