/**
 * thymia-recorder/server/node (built): toNodeHandler on node:http, as a
 * plain listener and as Connect/Express-style middleware that passes other
 * paths to next() and keeps the public path under a mount point.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { toNodeHandler } from '../../dist/lib/server/node.js';
import { serveOnLoopback } from '../helpers/loopback.mjs';
import { headerAuthorize, person, SECRET, startMockThymia, upload } from '../helpers/server-half.mjs';

const thymia = await startMockThymia({ apiKey: 'node-key' });
after(() => thymia.close());
const handler = createThymiaHandler({ apiKey: 'node-key', baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize({ ann: person('ann') }), log: () => undefined });

/** @param {import('node:http').RequestListener} listener */
async function serve(listener) {
  const { url, close } = await serveOnLoopback(listener);
  after(close);
  return url;
}

test('node:http: a whole Helios session through real sockets', async () => {
  const base = await serve(toNodeHandler(handler));
  const created = await fetch(`${base}/api/thymia/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'x-test-user': 'ann' },
    body: JSON.stringify({ model: 'helios' }),
  });
  assert.equal(created.status, 200);
  const session = await created.json();
  await upload(session.recordingUploadUrl);
  const status = await fetch(`${base}${session.statusUrl}`, { headers: { 'x-test-user': 'ann' } });
  assert.equal(status.status, 200);
  assert.equal((await status.json()).status, 'COMPLETE_OK');
  const foreign = await fetch(`${base}/api/thymia/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'x-test-user': 'ann' },
    body: '{"model":"helios"}',
  });
  assert.equal(foreign.status, 403);
  assert.equal((await fetch(`${base}/elsewhere`)).status, 404);
});

test('middleware: other paths go to next(); a mount path keeps the public URL', async () => {
  const middleware = toNodeHandler(handler);
  const base = await serve((req, res) => {
    // What Express does under app.use('/api', …): strips the mount path from req.url, keeps originalUrl.
    const original = req.url ?? '/';
    if (original.startsWith('/api/')) Object.assign(req, { originalUrl: original, url: original.slice('/api'.length) });
    middleware(req, res, () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('next');
    });
  });
  assert.equal(await (await fetch(`${base}/index.html`)).text(), 'next');
  const answer = await fetch(`${base}/api/thymia/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{"model":"helios"}' });
  assert.equal(answer.status, 401);
});
