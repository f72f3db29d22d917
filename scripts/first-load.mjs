// @ts-check
/**
 * The first load as a page meets it: a plain page with the script tag
 * (`<script type="module" src="dist/thymia-recorder.js">`) and one element, in Debian's Chromium;
 * every file the page fetches from dist/ until the Record button is enabled and the network has
 * been idle for 500 ms, gzip -9 each, summed. Not the files we chose to count: the files the
 * browser asked for. Deterministic (the same build fetches the same files), so CI holds a budget
 * on it (scripts/size-budget.mjs) and the bench prints it.
 *
 *   node scripts/first-load.mjs            (after npm run build; prints one block per page)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { recordButtonEnabled } from './record-button.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-args.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The pages a host most often serves. */
export const FIRST_LOAD_PAGES = /** @type {const} */ ([
  { name: 'helios-en', attributes: { model: 'helios', lang: 'en' } },
  { name: 'helios-ja', attributes: { model: 'helios', lang: 'ja' } },
  { name: 'apollo-en', attributes: { model: 'apollo', lang: 'en' } },
]);

/** @param {Record<string, string>} attributes */
function page(attributes) {
  const attrs = Object.entries({ ...attributes, 'session-url': '/api/session' })
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  return `<!doctype html><html lang="${attributes.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/dist/thymia-recorder.js"></script></head>
<body><thymia-recorder ${attrs}></thymia-recorder></body></html>`;
}

/** Serves dist/ and the pages; nothing else. */
function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pageFor = FIRST_LOAD_PAGES.find((candidate) => url.pathname === `/${candidate.name}.html`);
    if (pageFor) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(pageFor.attributes));
      return;
    }
    const path = normalize(url.pathname).replace(/^\/dist\//, '');
    if (!url.pathname.startsWith('/dist/') || path.includes('..')) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(dist, path));
      const type = extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * @returns {Promise<{ name: string, files: { file: string, raw: number, gzip: number }[], gzip: number }[]>}
 */
export async function measureFirstLoad() {
  const server = /** @type {import('node:http').Server} */ (await serve());
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const results = [];
    for (const { name } of FIRST_LOAD_PAGES) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      /** @type {Set<string>} */
      const fetched = new Set();
      let lastRequestAt = Date.now();
      tab.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/dist/')) fetched.add(path.slice('/dist/'.length));
        lastRequestAt = Date.now();
      });
      await tab.goto(`${origin}/${name}.html`);
      await recordButtonEnabled(tab);
      // Network idle: nothing requested for 500 ms after the button is usable.
      while (Date.now() - lastRequestAt < 500) await new Promise((resolve) => setTimeout(resolve, 100));
      await context.close();
      const files = [...fetched].sort().map((file) => {
        const bytes = readFileSync(join(dist, file));
        return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      });
      results.push({ name, files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) });
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const result of await measureFirstLoad()) {
    for (const file of result.files) console.log(`first-load.${result.name} ${file.file} ${file.gzip} B gzip (${file.raw} B raw)`);
    console.log(`first-load.${result.name}.total ${result.gzip} B gzip (${(result.gzip / 1024).toFixed(1)} KiB, ${result.files.length} files)`);
  }
}
