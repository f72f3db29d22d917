/**
 * Development servers (the demo's Vite, the tests' web-test-runner) serve
 * src/ as TypeScript, but the speech worklet is requested by URL
 * (`new URL('./speech-worklet.js', import.meta.url)`), not imported, so no
 * resolver maps it to its `.ts` source. This maps a request for a missing
 * `/src/….js` whose `.ts` exists to that `.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The path to serve instead of `path` (URL path, no query), or undefined to leave it. */
export function tsForJs(root, path) {
  if (!path.startsWith('/src/') || !path.endsWith('.js') || path.includes('..')) return undefined;
  const ts = `${path.slice(0, -3)}.ts`;
  return !existsSync(join(root, path)) && existsSync(join(root, ts)) ? ts : undefined;
}
