/**
 * The loopback server the recording figures run against: the built element
 * (dist/thymia-recorder.js and every dist/thymia-recorder-*.js chunk, read on
 * each request so a rebuild in between is served), the bench's own pages, and
 * a stand-in for the pre-signed upload URL and the host's status endpoint that
 * notes when each byte and request arrives (server `Date.now()`, the same clock
 * as the page's on this machine).
 *
 * Per run (`newRun()`):
 *   PUT /upload/:id   the pre-signed URL: first body byte, last byte, byte count, Content-Type
 *   GET /status/:id   thymia's model-run JSON: CREATED before the upload, RUNNING until
 *                     the run's `completeAt` (server time), then COMPLETE_OK with Helios results
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { HELIOS_SCORES } from '../../demo/backend/mock-thymia.js';


/**
 * @typedef {object} BenchRun
 * @property {string} id
 * @property {string} createdAt
 * @property {(run: BenchRun) => number} completeAtFor  when the result exists (server ms), given the finished upload
 * @property {number | undefined} completeAt
 * @property {{ headersAt: number, firstByteAt?: number, endAt?: number, bytes: number, contentType?: string } | undefined} upload
 * @property {number[]} statusAt  arrival of every status GET
 * @property {number | undefined} completeServedAt  the first COMPLETE_OK answer left the server
 */

/** thymia's GET /v1/models/mental-wellness/{id} body for the run as it stands at `now`. @param {BenchRun} run @param {number} now */
function statusBody(run, now) {
  const base = { id: run.id, createdAt: run.createdAt, userLabel: 'bench', deleteData: false, tags: [], warnings: [] };
  if (!run.upload?.endAt || run.completeAt === undefined) return { ...base, status: 'CREATED' };
  const runAt = new Date(run.upload.endAt).toISOString();
  if (now < run.completeAt) return { ...base, status: 'RUNNING', runAt };
  const seconds = Math.round((run.upload.bytes / 8000) * 10) / 10;
  return {
    ...base,
    status: 'COMPLETE_OK',
    runAt,
    completedAt: new Date(run.completeAt).toISOString(),
    model: 'helios-2.1',
    results: {
      sections: [
        {
          startSecs: 0,
          finishSecs: seconds,
          transcript: 'The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak.',
          ...Object.fromEntries(Object.entries(HELIOS_SCORES).map(([key, value]) => [key, { value }])),
        },
      ],
    },
  };
}

/**
 * @param {string} root  the repository
 * @param {Record<string, string>} pages  path → HTML or JS (by extension)
 */
export async function startBenchServer(root, pages) {
  /** @type {Map<string, BenchRun>} */
  const runs = new Map();
  const dist = join(root, 'dist');
  const server = createServer((req, res) => {
    const now = Date.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const noStore = { 'Cache-Control': 'no-store' };
    if (Object.hasOwn(pages, path)) {
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      return void res.writeHead(200, { ...noStore, 'Content-Type': type }).end(pages[path]);
    }
    // The entry and any chunk it loads, whatever the build splits it into.
    if (/^\/(thymia-recorder(-[\w-]+)?|speech-worklet)\.js$/.test(path) && existsSync(join(dist, path))) {
      return void res.writeHead(200, { ...noStore, 'Content-Type': 'text/javascript' }).end(readFileSync(join(dist, path)));
    }
    const upload = /^\/upload\/([\w-]+)$/.exec(path);
    if (upload && req.method === 'PUT') {
      const run = runs.get(upload[1]);
      if (!run || run.upload) {
        req.resume();
        return void res.writeHead(403).end();
      }
      const seen = { headersAt: now, bytes: 0, contentType: req.headers['content-type'] };
      run.upload = seen;
      req.on('data', (chunk) => {
        seen.firstByteAt ??= Date.now();
        seen.bytes += chunk.length;
      });
      req.on('end', () => {
        seen.endAt = Date.now();
        run.completeAt = run.completeAtFor(run);
        res.writeHead(200, { ETag: '"bench"' }).end();
      });
      return;
    }
    const status = /^\/status\/([\w-]+)$/.exec(path);
    if (status && req.method === 'GET') {
      const run = runs.get(status[1]);
      if (!run) return void res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"detail":"Model run not found"}');
      run.statusAt.push(now);
      const body = statusBody(run, now);
      if (body.status === 'COMPLETE_OK') run.completeServedAt ??= now;
      return void res.writeHead(200, { ...noStore, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    /**
     * A model run whose result exists `processingMs` after its upload ended (or when `completeAtFor` says).
     * @param {{ processingMs?: number, completeAtFor?: (run: BenchRun) => number }} [options]
     */
    newRun({ processingMs = 1000, completeAtFor } = {}) {
      const id = randomUUID();
      /** @type {BenchRun} */
      const run = {
        id,
        createdAt: new Date().toISOString(),
        completeAtFor: completeAtFor ?? ((done) => /** @type {number} */ (done.upload?.endAt) + processingMs),
        completeAt: undefined,
        upload: undefined,
        statusAt: [],
        completeServedAt: undefined,
      };
      runs.set(id, run);
      return { id, run, uploadUrl: `${origin}/upload/${id}`, statusUrl: `${origin}/status/${id}` };
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
