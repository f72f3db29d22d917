// Bun.serve with the handler's fetch.
import { createApp } from '../app.mjs';

const [port, apiKey, baseUrl] = Bun.argv.slice(2);
const server = Bun.serve({ port: Number(port), hostname: '127.0.0.1', fetch: createApp({ apiKey, baseUrl }).fetch });
console.log(`LISTENING ${server.port}`);
