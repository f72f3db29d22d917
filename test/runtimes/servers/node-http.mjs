// node:http with toNodeHandler. argv: port apiKey baseUrl
import { createServer } from 'node:http';
import { toNodeHandler } from '../../../dist/lib/server/node.js';
import { createApp } from '../app.mjs';

const [port, apiKey, baseUrl] = process.argv.slice(2);
const server = createServer(toNodeHandler(createApp({ apiKey, baseUrl })));
server.listen(Number(port), '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
