// @ts-check
/**
 * dist/lib/capture/join-parts.js re-exports the bundle's own join-parts chunk (mediabunny inlined)
 * instead of importing `mediabunny` by name. So mediabunny is no dependency of the package: hosts
 * neither install it nor its `@types/dom-webcodecs`, which TypeScript would include in every host's
 * compilation (it clashes with TypeScript 5.9's lib.dom and fails `tsc` with `skipLibCheck: false`);
 * and the package ships the library once, minified, loaded only when a take's parts are joined.
 * Runs after `vite build` and tsc in `npm run build`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const chunk = readdirSync(dist).find((file) => /^thymia-recorder-join-parts-[\w-]+\.js$/.test(file));
if (!chunk) throw new Error('lib-join-parts: no thymia-recorder-join-parts-*.js in dist/ (run vite build first)');
if (!/export\s*\{[^}]*\bas joinParts\b|export\s*\{[^}]*\bjoinParts\b/.test(readFileSync(`${dist}${chunk}`, 'utf8'))) {
  throw new Error(`lib-join-parts: ${chunk} does not export joinParts`);
}
writeFileSync(
  `${dist}lib/capture/join-parts.js`,
  `// The bundle's chunk, mediabunny inlined (scripts/build/lib-join-parts.mjs).\nexport { joinParts } from '../../${chunk}';\n`,
);
console.log(`dist/lib/capture/join-parts.js → ../../${chunk}`);
