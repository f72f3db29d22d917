#!/usr/bin/env node
/**
 * The speech worklet (src/capture/speech-worklet.ts) as one file with no
 * imports: an AudioWorklet's scope has no DOM, so it must not share chunks
 * with the page, and a host's bundler copies it as a plain asset (relative
 * imports would not follow it). Used by vite.config.ts for
 * `dist/speech-worklet.js`, and run after tsc for the package's
 * `dist/lib/capture/speech-worklet.js`:
 *
 *   node scripts/build/bundle-worklet.mjs dist/lib/capture/speech-worklet.js
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const entry = fileURLToPath(new URL('../../src/capture/speech-worklet.ts', import.meta.url));

/** The bundled worklet's source text. */
export async function bundleWorklet({ minify = true } = {}) {
  const bundle = await rolldown({
    input: entry,
    // Sources import './x.js' for './x.ts' (TypeScript's NodeNext style).
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    logLevel: 'warn',
  });
  try {
    const { output } = await bundle.generate({ format: 'es', minify, comments: { legal: true, annotation: false, jsdoc: false } });
    if (output.length !== 1) throw new Error(`the speech worklet bundled into ${output.length} files, not one`);
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2];
  if (!target) throw new Error('usage: bundle-worklet.mjs <output file>');
  writeFileSync(target, await bundleWorklet());
}
