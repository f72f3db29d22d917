// @ts-check
/**
 * The package from a CDN, as a host that requires Subresource Integrity loads it: a second origin
 * serves the installed package's files the way jsDelivr serves an npm version
 * (`/npm/thymia-recorder@<version>/dist/…`, CORS open), and the host's page loads the entry with
 * `<script type="module" crossorigin integrity="sha384-…">` and covers every file the entry loads
 * later (the core chunk, the lazy chunks, the languages, the speech worklet) with an import map's
 * "integrity" section, all from the package's dist/integrity.json.
 *
 * The CDN can serve one file with one byte changed (a space turned into a tab: the code means the
 * same, the bytes, and so the hash, differ), to show that integrity is what refuses it.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/**
 * @param {string} packageDir the installed package (node_modules/thymia-recorder)
 * @returns {Promise<{ origin: string, base: string, requests: { path: string, origin: string | undefined, status: number }[], tamper: (file: string | undefined) => void, close: () => Promise<void> }>}
 */
export async function serveCdn(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const prefix = `/npm/${pkg.name}@${pkg.version}/`;
  /** @type {string | undefined} path under the package (`dist/…`) served with one byte changed */
  let tampered;
  /** @type {{ path: string, origin: string | undefined, status: number }[]} */
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://cdn').pathname);
    const relative = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : '..';
    const file = join(packageDir, relative);
    const found = !relative.startsWith('..') && statSync(file, { throwIfNoEntry: false })?.isFile();
    requests.push({ path: relative, origin: req.headers.origin, status: found ? 200 : 404 });
    // What jsDelivr and unpkg send: any origin may read the files (module scripts are CORS requests).
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'no-store',
    };
    if (!found) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': extname(file) === '.json' ? 'application/json' : 'text/javascript' });
    if (relative === tampered) res.end(tamperedBytes(readFileSync(file)));
    else createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // `localhost`, while the page is on 127.0.0.1: another host and another port, so another origin.
  const origin = `http://localhost:${port}`;
  return {
    origin,
    base: `${origin}${prefix}`,
    requests,
    tamper: (file) => void (tampered = file),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** The file with its first space turned into a tab: one byte changed, the same program. @param {Buffer} bytes */
export function tamperedBytes(bytes) {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(0x20);
  if (at < 0) throw new Error('no space to change');
  copy[at] = 0x09;
  return copy;
}

/**
 * The host's page: the import map (when `integrity` is on) and the entry script, from the CDN, and
 * the element with listeners that show the result (`#result`) and every event heard (`#heard`).
 * @param {{ base: string, hashes: Record<string, string>, integrity: boolean, eventNames: string[] }} options
 *   base: the package's URL on the CDN; hashes: dist/integrity.json
 */
export function sriPage({ base, hashes, integrity, eventNames }) {
  const entry = `${base}dist/thymia-recorder.js`;
  const map = importMapIntegrity(base, hashes);
  const head = integrity
    ? `<script type="importmap">${JSON.stringify({ integrity: map })}</script>\n<script type="module" crossorigin="anonymous" integrity="${hashes['thymia-recorder.js']}" src="${entry}"></script>`
    : `<script type="module" crossorigin="anonymous" src="${entry}"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CDN host (${integrity ? 'SRI' : 'plain'})</title>
${head}
</head>
<body>
<thymia-recorder session-url="/api/session" min-speech-seconds="1" poll-interval="200"></thymia-recorder>
<output id="result"></output>
<ol id="heard"></ol>
<script>
  const element = document.querySelector('thymia-recorder');
  for (const name of ${JSON.stringify(eventNames)}) {
    element.addEventListener(name, (event) => {
      const item = document.createElement('li');
      item.textContent = event.type;
      document.getElementById('heard').append(item);
    });
  }
  element.addEventListener('thymia-result', (event) => {
    const result = document.getElementById('result');
    result.textContent = JSON.stringify(event.detail.results);
    result.dataset.runId = event.detail.modelRunId;
  });
  customElements.whenDefined('thymia-recorder').then(() => element.updateComplete).then(() => {
    window.firstRender = performance.now();
  });
</script>
</body>
</html>
`;
}

/**
 * The import map's "integrity" section: every file the bundle loads by URL (the chunks beside the
 * entry, the worklet), by its absolute URL on the CDN. dist/lib/ (the bundler build) is left out:
 * a page loads the bundle. @param {string} base @param {Record<string, string>} hashes
 */
export function importMapIntegrity(base, hashes) {
  return Object.fromEntries(
    Object.entries(hashes)
      .filter(([path]) => /^[^/]+\.js$/.test(path))
      .map(([path, hash]) => [`${base}dist/${path}`, hash]),
  );
}
