// @ts-check
/**
 * The package as a host gets it: `npm pack`, then a React app and a Vue app
 * (scripts/hosts/) in a temp folder install the tarball, type-check, build
 * with Vite and run in Chromium with a fake microphone against the mock
 * thymia backend. Each app must receive `thymia-result` through its
 * framework's own binding (React: the `onThymiaResult` prop; Vue:
 * `@thymia-result`) and show it. Also: importing the package in plain Node
 * (server-side rendering) must not throw.
 *
 *   node test/hosts/run.mjs        (npm test runs it as the `hosts` step)
 *   KEEP_HOSTS=1 node test/hosts/run.mjs   keeps the temp folder
 *   HOSTS_LIST=full node test/hosts/run.mjs  lists every file in the tarball (else dist/lib/ folders are summed)
 *
 * Builds first (under the build lock) when dist/lib is missing or older than src/.
 * Installs with --prefer-offline: the packages come from npm's cache, which
 * this repo's own install filled, at the versions this repo has installed.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeMicrophoneArgs } from '../../scripts/chromium-args.mjs';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveHosts } from './serve.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'thymia-hosts-'));
const started = performance.now();

/** @type {{ name: string, ok: boolean, ms: number, note: string }[]} */
const results = [];

/**
 * Runs one named check; a failure is reported and the run goes on.
 * @param {string} name @param {() => Promise<string | void>} body
 */
async function check(name, body) {
  const begun = performance.now();
  try {
    const note = (await body()) ?? '';
    results.push({ name, ok: true, ms: performance.now() - begun, note });
    console.log(`  ✓ ${name} (${seconds(performance.now() - begun)})${note ? ` — ${note}` : ''}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false, ms: performance.now() - begun, note: String(error) });
    console.log(`  ✗ ${name} (${seconds(performance.now() - begun)})\n${indent(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    return false;
  }
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @param {string} text */
const indent = (text) => text.split('\n').map((line) => `      ${line}`).join('\n');

/**
 * Runs a command; rejects with its output when it fails.
 * @param {string} command @param {string[]} args @param {{ cwd?: string, timeoutMs?: number }} [options]
 * @returns {Promise<string>} stdout
 */
function run(command, args, { cwd = repo, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}\n${(stdout + stderr).trim().split('\n').slice(-30).join('\n')}`));
    });
  });
}

/** @param {string} name */
const installedVersion = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;

/** @typedef {{ path: string, size: number }} PackedFile */
/** The package's THYMIA_EVENT_NAMES, as Node imported them from the installed tarball. @type {string[]} */
let eventNames = [];

/**
 * The tarball's files with their sizes; folders below dist/lib/ as one line each (file count and
 * total) unless `full`.
 * @param {PackedFile[]} files @param {boolean} full
 */
function listing(files, full) {
  /** @type {Map<string, { size: number, count: number }>} */
  const rows = new Map();
  for (const file of files) {
    const folder = file.path.match(/^dist\/lib\/[^/]+\//)?.[0];
    const key = !full && folder ? `${folder}*` : file.path;
    const row = rows.get(key) ?? { size: 0, count: 0 };
    rows.set(key, { size: row.size + file.size, count: row.count + 1 });
  }
  const width = Math.max(...[...rows.keys()].map((key) => key.length));
  return [...rows]
    .map(([key, row]) => `      ${key.padEnd(width)} ${String(row.size).padStart(8)} B${row.count > 1 ? ` (${row.count} files)` : ''}`)
    .join('\n');
}
/** @type {{ filename: string, size: number, unpackedSize: number, entryCount: number, files: PackedFile[] } | undefined} */
let packed;

console.log(`hosts: workspace ${workspace}`);

await check('npm pack (after npm run build when dist/lib is stale)', async () => {
  // One lock hold for build and pack: a bundle-only `vite build` elsewhere empties dist/ (dist/lib included).
  const script = [
    'if [ ! -f dist/lib/react.js ] || [ ! -f dist/thymia-recorder.js ] || [ -n "$(find src package.json -newer dist/lib/react.js -print -quit)" ]; then',
    '  npm run build >&2;',
    'fi',
    `npm pack --json --pack-destination '${workspace}'`,
  ].join('\n');
  const out = await run('flock', ['/tmp/thymia-recorder-build.lock', 'sh', '-c', script], { timeoutMs: 300_000 });
  packed = JSON.parse(out.slice(out.indexOf('[')))[0];
  if (!packed) throw new Error('npm pack printed no tarball');
  const files = packed.files.map((file) => file.path);
  for (const needed of [
    'package.json', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/react.js', 'dist/lib/react.d.ts', 'dist/lib/vue.js',
    'dist/lib/vue.d.ts', 'dist/thymia-recorder.js', 'custom-elements.json', 'web-types.json', 'vscode.html-custom-data.json',
    'vscode.css-custom-data.json',
  ]) {
    assert.ok(files.includes(needed), `the tarball holds ${needed}`);
  }
  console.log(listing(packed.files, process.env.HOSTS_LIST === 'full'));
  return `${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked`;
});

const apps = /** @type {const} */ (['react-app', 'vue-app']);
let installed = false;
if (packed) {
  installed = await check('npm install of the tarball into a React app and a Vue app', async () => {
    const tarball = `file:../${packed?.filename}`;
    const pin = (/** @type {string[]} */ names) => Object.fromEntries(names.map((name) => [name, installedVersion(name)]));
    const manifests = {
      'react-app': {
        dependencies: { 'thymia-recorder': tarball, ...pin(['react', 'react-dom']) },
        devDependencies: pin(['vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom']),
      },
      'vue-app': {
        dependencies: { 'thymia-recorder': tarball, ...pin(['vue']) },
        devDependencies: pin(['vite', '@vitejs/plugin-vue', 'typescript', 'vue-tsc']),
      },
    };
    for (const app of apps) {
      cpSync(join(repo, 'scripts/hosts', app), join(workspace, app), { recursive: true });
      writeFileSync(join(workspace, app, 'package.json'), JSON.stringify({ name: app, private: true, type: 'module', ...manifests[app] }, null, 2));
    }
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'hosts', private: true, workspaces: apps }, null, 2));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: workspace });
    const own = JSON.parse(readFileSync(join(workspace, 'node_modules/thymia-recorder/package.json'), 'utf8'));
    return `thymia-recorder ${own.version}, react ${installedVersion('react')}, vue ${installedVersion('vue')}, vite ${installedVersion('vite')}`;
  });
}

if (installed) {
  await check('editor data in the package covers the manifest (web-types.json, VS Code custom data)', async () => {
    const installedPackage = join(workspace, 'node_modules/thymia-recorder');
    const read = (/** @type {string} */ file) => JSON.parse(readFileSync(join(installedPackage, file), 'utf8'));
    const own = read('package.json');
    const webTypes = read(own['web-types']);
    const html = read('vscode.html-custom-data.json');
    const css = read('vscode.css-custom-data.json');
    const element = read(own.customElements).modules.flatMap((/** @type {any} */ mod) => mod.declarations ?? []).find((/** @type {any} */ d) => d.tagName === 'thymia-recorder');
    const jetbrains = webTypes.contributions.html.elements.find((/** @type {any} */ e) => e.name === 'thymia-recorder');
    const vscode = html.tags.find((/** @type {any} */ t) => t.name === 'thymia-recorder');
    const names = (/** @type {{ name: string }[] | undefined} */ list) => (list ?? []).map((item) => item.name).sort();
    assert.deepEqual(names(jetbrains.attributes), names(element.attributes), 'web-types: every attribute');
    assert.deepEqual(names(jetbrains.js.events), names(element.events), 'web-types: every event');
    assert.deepEqual(names(jetbrains.css.parts), names(element.cssParts), 'web-types: every part');
    assert.deepEqual(names(jetbrains.css.properties), names(element.cssProperties), 'web-types: every CSS custom property');
    assert.deepEqual(names(jetbrains.slots), names(element.slots), 'web-types: every slot');
    assert.deepEqual(names(vscode.attributes), names(element.attributes), 'VS Code: every attribute');
    assert.deepEqual(names(css.pseudoElements), element.cssParts.map((/** @type {any} */ part) => `::part(${part.name})`).sort(), 'VS Code: every part');
    assert.deepEqual(names(css.properties), names(element.cssProperties), 'VS Code: every CSS custom property');
    const model = vscode.attributes.find((/** @type {any} */ attribute) => attribute.name === 'model');
    assert.deepEqual(names(model.values), ['apollo', 'helios'], 'VS Code offers the model values');
    return `${jetbrains.attributes.length} attributes, ${jetbrains.js.events.length} events, ${jetbrains.css.parts.length} parts, ${jetbrains.css.properties.length} CSS properties`;
  });

  await check('server-side import in plain Node: the entry, /react and /vue, and React renderToString', async () => {
    const script = `
      const entry = await import('thymia-recorder');
      const react = await import('thymia-recorder/react');
      await import('thymia-recorder/vue');
      const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const html = renderToString(createElement(react.ThymiaRecorder, { sessionUrl: '/api/session', onThymiaResult: () => {} }));
      console.log(JSON.stringify({ html, tag: entry.TAG_NAME, props: Object.keys(react.THYMIA_REACT_EVENTS), events: entry.THYMIA_EVENT_NAMES }));
    `;
    const out = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: join(workspace, 'react-app') });
    const ssr = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
    assert.match(ssr.html, /^<thymia-recorder[\s>]/, 'React renders the tag on the server');
    assert.equal(ssr.props.length, ssr.events.length, 'one onThymia… prop per event');
    eventNames = ssr.events;
    return `renderToString → ${ssr.html}; ${ssr.props.length} event props`;
  });

  const bin = (/** @type {string} */ name) => join(workspace, 'node_modules/.bin', name);
  const built = { 'react-app': false, 'vue-app': false };
  await check('React app type-checks (tsc): onThymiaResult carries thymia-result’s detail', async () => {
    await run(bin('tsc'), ['-p', '.'], { cwd: join(workspace, 'react-app') });
  });
  built['react-app'] = await check('React app builds (vite build)', async () => {
    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: join(workspace, 'react-app') });
  });
  await check('Vue app type-checks (vue-tsc): @thymia-result carries thymia-result’s detail', async () => {
    await run(bin('vue-tsc'), ['-p', '.'], { cwd: join(workspace, 'vue-app') });
  });
  built['vue-app'] = await check('Vue app builds (vite build)', async () => {
    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: join(workspace, 'vue-app') });
  });

  if (built['react-app'] || built['vue-app']) {
    const server = await serveHosts({ '/react/': join(workspace, 'react-app/dist'), '/vue/': join(workspace, 'vue-app/dist') });
    /** @type {import('playwright-core').Browser | undefined} */
    let browser;
    await check('Chromium starts with a fake microphone', async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS, ...fakeMicrophoneArgs(join(repo, 'test/fixtures/speech.wav'))],
      });
      return browser.version();
    });
    try {
      for (const [app, path, binding] of /** @type {const} */ ([['react-app', '/react/', 'onThymiaResult prop'], ['vue-app', '/vue/', '@thymia-result']])) {
        if (!built[app] || !browser) continue;
        const launched = browser;
        await check(`${app} in Chromium: record, submit, thymia-result through ${binding}`, async () => {
          const page = await launched.newPage();
          /** @type {string[]} */
          const pageErrors = [];
          page.on('pageerror', (error) => pageErrors.push(error.message));
          try {
            await page.goto(`${server.origin}${path}`);
            await page.locator('[part~="record-button"]').click();
            await page.waitForSelector('thymia-recorder[state="recording"]', { timeout: 15_000 });
            // min-speech-seconds is 1: Submit enables once the fake microphone's speech counts that much.
            await page.waitForFunction(() => {
              const submit = document.querySelector('thymia-recorder')?.shadowRoot?.querySelector('[part~="submit-button"]');
              return submit instanceof HTMLButtonElement && !submit.disabled;
            }, undefined, { timeout: 20_000 });
            await page.locator('[part~="stop-button"]').click();
            await page.waitForSelector('thymia-recorder[state="recorded"]', { timeout: 15_000 });
            await page.locator('[part~="submit-button"]').click();
            await page.waitForSelector('#result[data-run-id]', { timeout: 30_000 });

            const runId = await page.getAttribute('#result', 'data-run-id');
            const shown = JSON.parse((await page.textContent('#result')) ?? 'null');
            const heard = await page.locator('#heard li').allTextContents();
            const run = server.mock.runs.get(runId ?? '');
            assert.ok(run, `the app shows run ${runId}, one the backend created`);
            assert.ok((run.uploads.main?.size ?? 0) > 1000, 'the recording reached the pre-signed upload URL');
            const expected = /** @type {any} */ (server.mock.statusBody(run)).results.sections[0];
            assert.equal(shown?.sections?.[0]?.mentalStrain?.value, expected.mentalStrain.value, 'the app shows the result thymia returned');
            assert.equal(shown.sections[0].transcript, expected.transcript);
            assert.equal(heard.filter((name) => name === 'thymia-result').length, 1, 'thymia-result arrived once');
            for (const name of ['thymia-state-change', 'thymia-recording-start', 'thymia-recording-stop', 'thymia-upload-progress', 'thymia-upload-complete', 'thymia-status']) {
              assert.ok(heard.includes(name), `${name} reached the app through the framework (heard: ${heard.join(', ')})`);
            }
            assert.ok(!heard.includes('thymia-error'), 'no thymia-error');
            // Events a happy path never fires (retry, error, restored, consent) must reach the app too:
            // each name dispatched on the element once more has to come out of the framework's binding.
            const names = eventNames;
            assert.ok(names.length > 0, 'the package lists its event names (THYMIA_EVENT_NAMES)');
            const before = heard.length;
            await page.evaluate((all) => {
              const element = document.querySelector('thymia-recorder');
              for (const name of all) element?.dispatchEvent(new CustomEvent(name, { detail: {}, bubbles: true, composed: true }));
            }, names);
            await page.waitForFunction((count) => document.querySelectorAll('#heard li').length >= count, before + names.length, { timeout: 5_000 }).catch(() => undefined);
            const echoed = (await page.locator('#heard li').allTextContents()).slice(before);
            assert.deepEqual(echoed, names, 'every event name reaches the app through its binding');
            assert.deepEqual(pageErrors, [], 'no uncaught errors on the page');
            // The host's bundler copied the speech worklet (a `new URL(…, import.meta.url)` asset) and the page loaded it.
            const worklets = server.served.filter((served) => served.startsWith(path) && /speech-worklet/.test(served));
            assert.equal(worklets.length, 1, `the speech worklet came with the app's build (resources: ${worklets.join(', ') || 'none'})`);
            return `run ${runId}, ${run.uploads.main.size} B uploaded, speech count on the audio thread (${worklets[0]}), heard ${new Set(heard).size} event types in the flow and all ${names.length} when dispatched`;
          } finally {
            await page.close();
          }
        });
      }
    } finally {
      await browser?.close();
      await server.close();
    }
  }
}

if (process.env.KEEP_HOSTS) console.log(`hosts: kept ${workspace}`);
else rmSync(workspace, { recursive: true, force: true });

const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
console.log(`hosts: ${passed} passed, ${failed} failed in ${seconds(performance.now() - started)}`);
process.exit(failed > 0 || !installed ? 1 : 0);
