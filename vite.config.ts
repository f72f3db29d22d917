/**
 * One config, two jobs:
 *
 * - `vite build` — the library bundle `dist/thymia-recorder.js`: a
 *   self-contained ES module (Lit, zod, idb-keyval inlined, no eval, no
 *   workers) that defines `<thymia-recorder>` when loaded with
 *   `<script type="module" src>`, plus chunks beside it that it imports
 *   only when needed.
 * - `vite` (`npm run demo`) — serves `index.html` (the demo page, which
 *   imports `/src/index.ts`) with the demo host backend mounted as
 *   middleware: mock thymia by default, the real thymia API when
 *   `THYMIA_API_KEY` is set in the server's environment (never the page's).
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { thymiaDemoBackend } from './demo/backend/vite-plugin.js';
import { bundleWorklet } from './scripts/build/bundle-worklet.mjs';
import { sri } from './scripts/build/integrity.mjs';
import { tsForJs } from './scripts/build/ts-for-js.mjs';

/** The entry's static import graph, found once per build: what every page loads before Record. */
let firstLoadSet: Set<string> | undefined;
function firstLoadModules(ctx: { getModuleInfo(id: string): { importedIds: readonly string[]; isEntry: boolean } | null }): Set<string> {
  if (firstLoadSet) return firstLoadSet;
  const seen = new Set<string>();
  const entry = resolve('src/bundle.ts');
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(entry);
  seen.delete(entry);
  firstLoadSet = seen;
  return seen;
}

/**
 * Lit's css`` templates reach the bundle verbatim (indentation, comments).
 * For the build only, strip comments and the whitespace around braces,
 * semicolons, commas and declaration colons; whitespace between selector
 * parts stays (it is a combinator). Our styles hold no quoted strings with these.
 */
function minifyLitCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      // "prop: value" (a selector's pseudo-class never has a space after its colon).
      .replace(/: /g, ':')
      .replace(/([^\d.])0\.(\d)/g, '$1.$2')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'thymia-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      // Only templates without ${} interpolations (ours have none), so the text is plain CSS.
      return { code: code.replace(/css`([^`$]*)`/g, (_match, text: string) => `css\`${minify(text)}\``), map: null };
    },
  };
}

/**
 * The speech worklet: `dist/speech-worklet.js`, bundled on its own (no
 * imports, see scripts/build/bundle-worklet.mjs) beside the chunk that loads
 * it with `new URL('./speech-worklet.js', import.meta.url)`. In the demo's dev
 * server, that URL is served from its TypeScript source.
 */
function speechWorklet(): Plugin {
  // Bundled once per build: the bytes emitted are the bytes hashed.
  let source: Promise<string> | undefined;
  const workletSource = () => (source ??= bundleWorklet());
  return {
    name: 'thymia-speech-worklet',
    enforce: 'pre',
    // Vite would resolve the worklet URL's literal to the .ts source and inline it as a data: URL
    // (refused by strict CSPs); a non-literal is left for the browser, which finds the file emitted
    // below. The worklet's own hash is baked into the engine chunk (speechWorkletIntegrity), so that
    // chunk, covered by a page's import-map integrity, checks the worklet before addModule runs it.
    async transform(code, id) {
      if (this.environment.mode !== 'build') return undefined;
      if (id.endsWith('/src/capture/worklet-protocol.ts')) {
        return { code: code.replace("new URL('./speech-worklet.js', import.meta.url)", "new URL(['.', 'speech-worklet.js'].join('/'), import.meta.url)"), map: null };
      }
      if (!id.endsWith('/src/capture/worklet-integrity.ts')) return undefined;
      const integrity = sri(new TextEncoder().encode(await workletSource()));
      const baked = code.replace(/(export function speechWorkletIntegrity\(\)[^{]*\{\s*return )undefined;/, `$1${JSON.stringify(integrity)};`);
      if (!baked.includes(integrity)) throw new Error('worklet-integrity.ts: speechWorkletIntegrity() not found to bake the hash in');
      return { code: baked, map: null };
    },
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const [path, query] = (request.url ?? '').split('?');
        const ts = tsForJs(server.config.root, path);
        if (ts) request.url = query ? `${ts}?${query}` : ts;
        next();
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'speech-worklet.js', source: await workletSource() });
    },
  };
}

export default defineConfig({
  // Only VITE_-prefixed variables could ever reach client code; the API key is
  // read by the backend plugin from process.env and never from import.meta.env.
  envPrefix: 'VITE_',
  plugins: [thymiaDemoBackend(), minifyLitCss(), speechWorklet()],
  // A plain page, not a single-page app: unknown paths are 404s, not index.html.
  appType: 'mpa',
  server: {
    host: '127.0.0.1',
    port: 5173,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // `npm run build` runs tsc after Vite, so dist/lib is rebuilt each time.
    emptyOutDir: true,
    // Vite 8 library builds do not minify unless told to.
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: 'src/bundle.ts',
      formats: ['es'],
      fileName: () => 'thymia-recorder.js',
    },
    rolldownOptions: {
      // Everything is inlined (no `external`); what is needed only later
      // (results views, languages, the network and capture engines) lands in
      // chunks next to the entry, loaded with import() from its own directory.
      output: {
        chunkFileNames: 'thymia-recorder-[name]-[hash].js',
        // V8's explicit compile hint: every function of the core is compiled while the file streams in, on a
        // background thread, instead of lazily on the main thread at its first call (≈ 60–90 ms of the first
        // render at 4× CPU, all of it inside the one task that defines and renders the element).
        postBanner: (chunk) => (chunk.name === 'core' ? '//# allFunctionsCalledOnLoad' : ''),
        codeSplitting: {
          groups: [{ name: (id, ctx) => (firstLoadModules(ctx).has(id) ? 'core' : null) }],
        },
        // Vite keeps whitespace and pure annotations in ES library output so
        // that bundlers can tree-shake it; this file is a finished artifact
        // for <script type="module">, so minify it fully.
        minify: true,
        comments: { annotation: false, jsdoc: false, legal: true },
      },
    },
  },
});
