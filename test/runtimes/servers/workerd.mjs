// Bundles the worker (rolldown, from the repo's dev tools) and serves it in workerd through Miniflare.
import { Miniflare } from 'miniflare';
import { rolldown } from 'rolldown';

const [port, apiKey, baseUrl] = process.argv.slice(2);
const bundle = await rolldown({ input: new URL('./worker-entry.mjs', import.meta.url).pathname, platform: 'browser', logLevel: 'silent' });
const { output } = await bundle.generate({ format: 'esm' });
const mf = new Miniflare({
  modules: true,
  script: output[0].code,
  compatibilityDate: '2025-07-01',
  bindings: { THYMIA_API_KEY: apiKey, THYMIA_BASE_URL: baseUrl },
  host: '127.0.0.1',
  port: Number(port),
});
const url = await mf.ready;
console.log(`LISTENING ${url.port}`);
process.on('SIGTERM', () => mf.dispose().finally(() => process.exit(0)));
