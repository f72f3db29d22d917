// Deno.serve with the handler's fetch (node_modules resolved from the repo's package.json).
import { createApp } from '../app.mjs';

const [port, apiKey, baseUrl] = Deno.args;
Deno.serve({ port: Number(port), hostname: '127.0.0.1', onListen: ({ port: bound }) => console.log(`LISTENING ${bound}`) }, createApp({ apiKey, baseUrl }).fetch);
