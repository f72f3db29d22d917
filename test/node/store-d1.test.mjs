// d1Store (thymia-recorder/server/d1): the store contract on Cloudflare D1 as miniflare runs it
// (workerd's own D1, in a temporary folder). miniflare is test/runtimes' (its own package.json and
// lock), installed here when missing, never by the root install. Imports the BUILT store (dist/lib/server).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { storeContract } from './support/store-contract.mjs';
import { d1Store } from '../../dist/lib/server/d1.js';

const folder = new URL('../runtimes/', import.meta.url).pathname;
if (!existsSync(join(folder, 'node_modules/miniflare'))) {
  execFileSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const { Miniflare } = await import(join(folder, 'node_modules/miniflare/dist/src/index.js'));

const persist = mkdtempSync(join(tmpdir(), 'thymia-d1-'));
const mf = new Miniflare({
  modules: true,
  script: 'export default { fetch: () => new Response(null, { status: 204 }) }',
  d1Databases: { DB: 'thymia-history' },
  d1Persist: persist,
});
after(async () => {
  await mf.dispose();
  rmSync(persist, { recursive: true, force: true });
});

storeContract('d1 (miniflare)', async () => d1Store(await mf.getD1Database('DB')));
