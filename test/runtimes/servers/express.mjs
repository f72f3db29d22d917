// An Express 5 app: the handler mounted with app.use, other routes of the app still served.
import express from 'express';
import { toNodeHandler } from '../../../dist/lib/server/node.js';
import { createApp } from '../app.mjs';

const [port, apiKey, baseUrl] = process.argv.slice(2);
const app = express();
app.use(toNodeHandler(createApp({ apiKey, baseUrl })));
app.get('/healthz', (_req, res) => res.send('ok'));
const server = app.listen(Number(port), '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
