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
import { defineConfig } from 'vite';
import { thymiaDemoBackend } from './demo/backend/vite-plugin.js';

export default defineConfig({
  // Only VITE_-prefixed variables could ever reach client code; the API key is
  // read by the backend plugin from process.env and never from import.meta.env.
  envPrefix: 'VITE_',
  plugins: [thymiaDemoBackend()],
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
        // Vite keeps whitespace and pure annotations in ES library output so
        // that bundlers can tree-shake it; this file is a finished artifact
        // for <script type="module">, so minify it fully.
        minify: true,
        comments: { annotation: false, jsdoc: false, legal: true },
      },
    },
  },
});
