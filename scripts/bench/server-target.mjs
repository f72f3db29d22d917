// One bench target on loopback, in its own process (one core): `handler` (the built server half through
// toNodeHandler) or `proxy` (the bare pass-through: fetch upstream, return it). argv: mode upstreamUrl.
// GET /__mem answers the heap after a full GC (run with --expose-gc). Prints "LISTENING <port> <statusPath>".
import { createServer } from 'node:http';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { toNodeHandler } from '../../dist/lib/server/node.js';

const [mode, upstream] = process.argv.slice(2);
const RUN_ID = '5a4c1d9e-0b7f-4c41-9d55-3e2f1a6b7c80';

/** @param {import('node:http').ServerResponse} res */
function memory(res) {
  globalThis.gc?.();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(process.memoryUsage()));
}

let listener;
let statusPath;
if (mode === 'handler') {
  const person = { subject: 'bench-subject', user: { userLabel: 'bench-label', dateOfBirth: '1990-01-01', birthSex: 'UNKNOWN' }, language: 'en-GB' };
  const thymia = createThymiaHandler({ apiKey: 'bench-key', baseUrl: upstream, secret: 'bench-secret-0123456789-abcdefghijklmnop', authorize: () => person, log: () => undefined });
  statusPath = await thymia.createStatusUrl({ model: 'helios', runId: RUN_ID, subject: person.subject });
  const node = toNodeHandler(thymia);
  listener = (req, res) => (req.url === '/__mem' ? memory(res) : node(req, res));
} else {
  statusPath = `/api/status/${RUN_ID}`;
  listener = async (req, res) => {
    if (req.url === '/__mem') return memory(res);
    const answer = await fetch(`${upstream}/v1/models/mental-wellness/${RUN_ID}`, { headers: { 'x-api-key': 'bench-key' } });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  };
}
const server = createServer(listener);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port} ${statusPath}`));
