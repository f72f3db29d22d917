// @ts-check
/**
 * The package as a host gets it: `npm pack`, then apps (scripts/hosts/) in a
 * temp folder install the tarball, type-check, build and run in Chromium with
 * a fake microphone against the mock thymia backend:
 * - a React app and a Vue app (Vite), installed together at the versions this
 *   repo has installed;
 * - a Next.js app-router app (its own package.json + lock, `npm ci`, then the
 *   tarball with `npm install --no-save`): `next build`, `next start`; a
 *   server component page renders `thymia-recorder/react` straight, a client
 *   component page records with event props;
 * - a Svelte 5 + Vite app (its own lock too): svelte-check passes through
 *   `thymia-recorder/svelte`, and copies that misuse the element fail it;
 * - a Preact 10 app and a Solid 1 app (Vite, their own locks too), typed through
 *   `thymia-recorder/preact` and `/solid` (`tsc`; test/types/ has their misuse copies).
 * Then the package from a second origin, as a CDN serves it, with Subresource
 * Integrity (test/hosts/sri.mjs): the flow to a result, a tampered chunk and a
 * tampered worklet refused, first-load time with and without.
 * Each recording app must receive `thymia-result` through its framework's own
 * binding (React and Next: the `onThymiaResult` prop; Vue: `@thymia-result`;
 * Svelte and Preact: `onthymia-result`; Solid: `on:thymia-result`)
 * and show it. Also: importing the package in plain Node (server-side
 * rendering) must not throw.
 *
 *   node test/hosts/run.mjs        (npm test runs it as the `hosts` step)
 *   KEEP_HOSTS=1 node test/hosts/run.mjs   keeps the temp folder
 *   HOSTS_LIST=full node test/hosts/run.mjs  lists every file in the tarball (else dist/lib/ folders are summed)
 *
 * Builds first (under the build lock) when dist/lib is missing or older than src/.
 * Installs with --prefer-offline: the packages come from npm's cache, which
 * this repo's own install filled, at the versions this repo has installed
 * (the own-lock apps' first run fills the cache from the registry).
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeMicrophoneArgs } from '../../scripts/chromium-args.mjs';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveHosts } from './serve.mjs';
import { importMapIntegrity, serveCdn, sriPage } from './sri.mjs';

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

/** What every child gets: no npm update check, no Next.js telemetry (nothing may reach the network). */
const CHILD_ENV = { ...process.env, npm_config_update_notifier: 'false', NEXT_TELEMETRY_DISABLED: '1' };

/**
 * Runs a command to its end. @param {string} command @param {string[]} args
 * @param {{ cwd?: string, timeoutMs?: number, env?: Record<string, string> }} [options]
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string }>}
 */
function runToEnd(command, args, { cwd = repo, timeoutMs = 180_000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...CHILD_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Runs a command; rejects with its output when it fails.
 * @param {string} command @param {string[]} args @param {Parameters<typeof runToEnd>[2]} [options]
 * @returns {Promise<string>} stdout
 */
async function run(command, args, options) {
  const { code, signal, stdout, stderr } = await runToEnd(command, args, options);
  if (code === 0) return stdout;
  throw new Error(`${command} ${args.join(' ')} exited ${code ?? signal}\n${(stdout + stderr).trim().split('\n').slice(-30).join('\n')}`);
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
/** The installs run side by side (they wait on the disk and npm's cache more than on the CPU). @type {Promise<unknown>[]} */
const installs = [];
if (packed) {
  installs.push(check('npm install of the tarball into a React app and a Vue app', async () => {
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
  }).then((ok) => (installed = ok)));
}


/**
 * Apps with a package.json + package-lock.json of their own (scripts/hosts/<app>/): `npm ci` in the
 * workspace copy, then the tarball with `npm install --no-save`, as a host adds a package to an app
 * it already has. Each has its own node_modules (Next.js alone is ≈ 390 MB).
 */
const ownLockApps = /** @type {const} */ (['next-app', 'svelte-app', 'preact-app', 'solid-app']);
/** @type {Record<(typeof ownLockApps)[number], boolean>} */
const ownLockInstalled = { 'next-app': false, 'svelte-app': false, 'preact-app': false, 'solid-app': false };
/** The packages each own-lock app's install line names. */
const ownLockMain = {
  'next-app': ['next', 'react'],
  'svelte-app': ['svelte', '@sveltejs/vite-plugin-svelte', 'svelte-check', 'vite'],
  'preact-app': ['preact', '@preact/preset-vite', 'vite'],
  'solid-app': ['solid-js', 'vite-plugin-solid', 'vite'],
};
if (packed) {
  for (const app of ownLockApps) {
    installs.push(check(`npm ci of ${app} (its own lock), then the tarball (npm install --no-save)`, async () => {
      const dir = join(workspace, app);
      cpSync(join(repo, 'scripts/hosts', app), dir, {
        recursive: true,
        filter: (source) => !/[/\\](node_modules|\.next|dist)$/.test(source),
      });
      const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
      await run('npm', ['ci', ...quiet], { cwd: dir, timeoutMs: 600_000 });
      await run('npm', ['install', '--no-save', ...quiet, join(workspace, packed?.filename ?? '')], { cwd: dir, timeoutMs: 300_000 });
      const version = (/** @type {string} */ name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
      return [`thymia-recorder ${version('thymia-recorder')}`, ...ownLockMain[app].map((name) => `${name} ${version(name)}`)].join(', ');
    }).then((ok) => (ownLockInstalled[app] = ok)));
  }
}
await Promise.all(installs);

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
  const built = { 'react-app': false, 'vue-app': false, 'next-app': false, 'svelte-app': false, 'preact-app': false, 'solid-app': false };
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

  const svelteDir = join(workspace, 'svelte-app');
  if (ownLockInstalled['svelte-app']) {
    const svelteCheck = () => runToEnd(join(svelteDir, 'node_modules/.bin/svelte-check'), ['--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'], { cwd: svelteDir });
    /** svelte-check's machine output: `<time> ERROR "<file>" <line>:<col> "<message>"`. @param {string} out */
    const problems = (out) => out.split('\n').filter((line) => / (ERROR|WARNING) "/.test(line)).map((line) => line.replace(/^\d+ /, ''));
    // One svelte-check run over the app and copies that misuse the element: the app must pass, each copy fail.
    await check('svelte-check through thymia-recorder/svelte: the app passes; copies with minSpeechSeconds={true}, an object attribute, e.detail.nope, a listener of the wrong event type each fail', async () => {
      const wrong = {
        // svelte-check checks the templates of TypeScript components (a plain-JS one only under checkJs).
        'WrongProperty.svelte': '<script lang="ts"></script>\n\n<thymia-recorder minSpeechSeconds={true}></thymia-recorder>\n',
        'WrongAttribute.svelte': '<script lang="ts"></script>\n\n<thymia-recorder max-seconds={{ seconds: 60 }}></thymia-recorder>\n',
        'WrongDetail.svelte': '<script lang="ts">\n  let shown = $state(\'\');\n</script>\n\n<thymia-recorder onthymia-result={(e) => (shown = String(e.detail.nope))}></thymia-recorder>\n<p>{shown}</p>\n',
        'WrongHandler.svelte': '<script lang="ts">\n  function onProgress(event: CustomEvent<{ percent: number }>) {\n    console.log(event.detail.percent);\n  }\n</script>\n\n<thymia-recorder onthymia-upload-progress={onProgress}></thymia-recorder>\n',
      };
      for (const [file, text] of Object.entries(wrong)) writeFileSync(join(svelteDir, 'src', file), text);
      try {
        const { code, stdout } = await svelteCheck();
        const found = problems(stdout);
        assert.deepEqual(found.filter((line) => !Object.keys(wrong).some((file) => line.includes(`"src/${file}"`))), [], 'the app itself has no error or warning');
        for (const file of Object.keys(wrong)) {
          assert.ok(found.some((line) => line.startsWith(`ERROR "src/${file}"`)), `svelte-check reports src/${file}\n${found.join('\n')}`);
        }
        assert.notEqual(code, 0, 'svelte-check fails');
        const summary = found.map((line) => line.replace(/^ERROR "src\/([^"]+)" (\d+:\d+) "(.*)"$/s, (_all, file, at, message) => `${file} ${at}: ${message.slice(0, 80)}`));
        return `${stdout.trim().split('\n').at(-1)?.replace(/^\d+ /, '')}; ${summary.join(' | ')}`;
      } finally {
        for (const file of Object.keys(wrong)) rmSync(join(svelteDir, 'src', file));
      }
    });
    built['svelte-app'] = await check('Svelte app builds (vite build)', async () => {
      await run(join(svelteDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: svelteDir });
    });
  }

  // Preact and Solid: JSX typed through thymia-recorder/preact and /solid (tsc), then built.
  for (const [app, label] of /** @type {const} */ ([['preact-app', 'Preact'], ['solid-app', 'Solid']])) {
    if (!ownLockInstalled[app]) continue;
    const dir = join(workspace, app);
    await check(`${label} app type-checks (tsc): its thymia-result listener carries thymia-result’s detail`, async () => {
      await run(join(dir, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: dir });
    });
    built[app] = await check(`${label} app builds (vite build)`, async () => {
      await run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
    });
  }

  // One loopback origin for the Vite apps' built files and the mock thymia backend; the Next.js app
  // runs its own server (next start) and rewrites its /api/… and /mock-upload/… requests to this one.
  const server = await serveHosts({
    '/react/': join(workspace, 'react-app/dist'),
    '/vue/': join(workspace, 'vue-app/dist'),
    '/svelte/': join(svelteDir, 'dist'),
    '/preact/': join(workspace, 'preact-app/dist'),
    '/solid/': join(workspace, 'solid-app/dist'),
    '/cdn-host/': join(workspace, 'cdn-host'),
  });
  const cdn = await serveCdn(join(workspace, 'node_modules/thymia-recorder'));
  const nextDir = join(workspace, 'next-app');
  const nextEnv = { THYMIA_BACKEND: server.origin };
  /** @type {{ origin: string, stop: () => Promise<void> } | undefined} */
  let nextServer;
  if (ownLockInstalled['next-app']) {
    built['next-app'] = await check('Next.js app builds (next build: Turbopack, type-checks the pages, prerenders both)', async () => {
      const out = await run(join(nextDir, 'node_modules/.bin/next'), ['build'], { cwd: nextDir, env: nextEnv, timeoutMs: 300_000 });
      const routes = out.split('\n').filter((line) => /^[┌├└]/.test(line)).map((line) => line.replace(/\s+/g, ' ').trim());
      return routes.join('; ');
    });
  }
  if (built['next-app']) {
    await check('Next.js app starts (next start on a free loopback port)', async () => {
      nextServer = await startNext(nextDir, nextEnv);
      return nextServer.origin;
    });
  }

  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    if (Object.values(built).some(Boolean)) {
      await check('Chromium starts with a fake microphone', async () => {
        browser = await chromium.launch({
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: [...CHROMIUM_ARGS, ...fakeMicrophoneArgs(join(repo, 'test/fixtures/speech.wav'))],
        });
        return browser.version();
      });
    }
    /** @type {[app: keyof typeof built, url: string | undefined, binding: string][]} */
    const flows = [
      ['react-app', `${server.origin}/react/`, 'onThymiaResult prop'],
      ['vue-app', `${server.origin}/vue/`, '@thymia-result'],
      ['svelte-app', `${server.origin}/svelte/`, 'onthymia-result'],
      ['preact-app', `${server.origin}/preact/`, 'onthymia-result'],
      ['solid-app', `${server.origin}/solid/`, 'on:thymia-result'],
    ];
    for (const [app, url, binding] of flows) {
      if (!built[app] || !browser || !url) continue;
      const launched = browser;
      await check(`${app} in Chromium: record, submit, thymia-result through ${binding}`, () => recordFlow(launched, url, server));
    }
    if (nextServer && browser) {
      const launched = browser;
      const origin = nextServer.origin;
      await check('next-app server component page (/) in Chromium: HTTP 200, no page errors, the element renders its record button', async () => {
        const page = await launched.newPage();
        const { pageErrors, hydration } = watchPage(page);
        try {
          const response = await page.goto(`${origin}/`);
          assert.equal(response?.status(), 200, 'the server component page answers 200');
          const html = (await response?.text()) ?? '';
          assert.match(html, /<thymia-recorder[\s>]/, 'the server sent the tag');
          await page.locator('[part~="record-button"]').waitFor({ state: 'visible', timeout: 15_000 });
          const state = await page.getAttribute('thymia-recorder', 'state');
          assert.deepEqual(pageErrors, [], 'no uncaught errors on the page');
          assert.deepEqual(hydration, [], 'no hydration errors');
          return `200, ${html.length} B of HTML, element state "${state}", record button shown`;
        } finally {
          await page.close();
        }
      });
      await check('next-app client component page (/client) in Chromium: record, submit, thymia-result through onThymiaResult', () =>
        recordFlow(launched, `${origin}/client`, server),
      );
    }

    if (browser) {
      const launched = browser;
      const hashes = JSON.parse(readFileSync(join(workspace, 'node_modules/thymia-recorder/dist/integrity.json'), 'utf8'));
      const site = join(workspace, 'cdn-host');
      mkdirSync(site, { recursive: true });
      writeFileSync(join(site, 'sri.html'), sriPage({ base: cdn.base, hashes, integrity: true, eventNames }));
      writeFileSync(join(site, 'plain.html'), sriPage({ base: cdn.base, hashes, integrity: false, eventNames }));
      const covered = new Set(Object.keys(importMapIntegrity(cdn.base, hashes)).map((url) => url.slice(cdn.base.length)));
      const distFiles = readdirSync(join(workspace, 'node_modules/thymia-recorder/dist')).filter((file) => file.endsWith('.js'));
      const lazyChunk = (/** @type {string} */ name) => {
        const file = distFiles.find((candidate) => new RegExp(`^thymia-recorder-${name}-[\\w-]+\\.js$`).test(candidate));
        if (!file) throw new Error(`no ${name} chunk in dist/ (${distFiles.join(', ')})`);
        return `dist/${file}`;
      };

      await check('CDN with SRI (second origin, crossorigin + integrity on the entry, import map integrity for every chunk and the worklet): Helios flow to a result', async () => {
        cdn.tamper(undefined);
        cdn.requests.length = 0;
        const note = await recordFlow(launched, `${server.origin}/cdn-host/sri.html`, server);
        const scripts = cdn.requests.filter((request) => request.path.endsWith('.js'));
        assert.ok(scripts.length >= 4, `the page loaded the package from the CDN (${scripts.map((request) => request.path).join(', ')})`);
        for (const request of scripts) {
          assert.equal(request.status, 200, `${request.path} served`);
          assert.ok(covered.has(request.path), `${request.path} is covered by the import map's integrity`);
          assert.equal(request.origin, server.origin, `${request.path} was a CORS request from the page's origin`);
        }
        return `${scripts.length} files from ${cdn.origin}, each covered: ${scripts.map((request) => request.path.replace(/^dist\//, '')).join(', ')}; ${note}`;
      });

      /**
       * Loads a CDN page with one file tampered, presses Record, and waits for the element to record
       * or to fail. @param {'sri' | 'plain'} page @param {string} file
       */
      const recordWithTampered = async (page, file) => {
        cdn.tamper(file);
        cdn.requests.length = 0;
        const tab = await launched.newPage();
        await watchWorklets(tab);
        /** @type {string[]} */
        const consoleErrors = [];
        tab.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        /** @type {string[]} */
        const errors = [];
        await tab.exposeFunction('reportThymiaError', (/** @type {string} */ code) => errors.push(code));
        try {
          await tab.goto(`${server.origin}/cdn-host/${page}.html`);
          await tab.evaluate(() => document.querySelector('thymia-recorder')?.addEventListener('thymia-error', (event) => /** @type {any} */ (window).reportThymiaError(event.detail.code)));
          await tab.locator('[part~="record-button"]').click();
          await tab.waitForFunction(() => ['recording', 'error'].includes(document.querySelector('thymia-recorder')?.getAttribute('state') ?? ''), undefined, { timeout: 20_000 }).catch(() => undefined);
          // The worklet loads beside the recording: wait until it was refused (a console line) or added.
          if (file.endsWith('speech-worklet.js')) {
            const settled = () => consoleErrors.some((text) => text.includes('speech-worklet')) || tab.evaluate(() => /** @type {any} */ (window).addedWorklets.length > 0);
            for (let wait = 0; wait < 100 && !(await settled()); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          const state = await tab.getAttribute('thymia-recorder', 'state');
          const served = cdn.requests.some((request) => request.path === file && request.status === 200);
          /** @type {string[]} */
          const worklets = (await tab.evaluate(() => /** @type {any} */ (window).addedWorklets)).map((/** @type {{ url: string }} */ entry) => entry.url);
          return { state, errors, consoleErrors, served, worklets, tab };
        } catch (error) {
          await tab.close();
          throw error;
        }
      };

      await check('CDN with SRI: a lazy chunk with one byte changed is refused (the element does not run it; plain loading runs the same bytes)', async () => {
        const file = lazyChunk('engine');
        const refused = await recordWithTampered('sri', file);
        await refused.tab.close();
        const plain = await recordWithTampered('plain', file);
        await plain.tab.close();
        assert.ok(refused.served, `the CDN served the tampered ${file}`);
        assert.ok(
          refused.consoleErrors.some((text) => /integrity/i.test(text) && text.includes(file.replace(/^dist\//, ''))),
          `the browser reports the integrity failure for ${file} (console: ${refused.consoleErrors.join(' | ') || 'nothing'})`,
        );
        assert.notEqual(refused.state, 'recording', 'the element did not record with the refused chunk');
        assert.equal(plain.state, 'recording', `without integrity the same tampered bytes run (the change alone breaks nothing): state ${plain.state}, errors ${plain.errors.join(', ')}`);
        return `${file}: with SRI the element went to "${refused.state}" (thymia-error ${refused.errors.join(', ') || 'none'}), console: ${refused.consoleErrors.find((text) => /integrity/i.test(text))?.slice(0, 140)}; plain: "${plain.state}"`;
      });

      await check('CDN with SRI: the speech worklet with one byte changed is refused (never given to addModule; speech counted on the page)', async () => {
        const file = 'dist/speech-worklet.js';
        const attempt = await recordWithTampered('sri', file);
        await attempt.tab.close();
        assert.ok(attempt.served, `the CDN served the tampered ${file}`);
        const refusal = attempt.consoleErrors.find((text) => /integrity/i.test(text) && text.includes('speech-worklet'));
        assert.ok(refusal, `the browser refuses the tampered worklet (console: ${attempt.consoleErrors.join(' | ') || 'nothing'}; state ${attempt.state})`);
        assert.deepEqual(attempt.worklets, [], 'the tampered worklet never reached addModule');
        assert.equal(attempt.state, 'recording', `the element records all the same (state ${attempt.state}, errors ${attempt.errors.join(', ')})`);
        return `refused: ${refusal.slice(0, 140)}; addModule not called; the element went on "${attempt.state}"`;
      });

      await check('CDN first load, SRI vs plain (time to the element’s first render; 5 loads each, alternating)', async () => {
        cdn.tamper(undefined);
        /** @type {Record<'sri' | 'plain', number[]>} */
        const times = { sri: [], plain: [] };
        for (let round = 0; round < 5; round++) {
          for (const mode of /** @type {const} */ (['plain', 'sri'])) {
            const tab = await launched.newPage();
            try {
              await tab.goto(`${server.origin}/cdn-host/${mode}.html`);
              await tab.waitForFunction(() => typeof (/** @type {any} */ (window).firstRender) === 'number', undefined, { timeout: 20_000 });
              times[mode].push(await tab.evaluate(() => /** @type {any} */ (window).firstRender));
            } finally {
              await tab.close();
            }
          }
        }
        const median = (/** @type {number[]} */ list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
        const mapBytes = JSON.stringify({ integrity: importMapIntegrity(cdn.base, hashes) }).length;
        return `median plain ${median(times.plain).toFixed(0)} ms, SRI ${median(times.sri).toFixed(0)} ms (plain ${times.plain.map((t) => t.toFixed(0)).join('/')}; SRI ${times.sri.map((t) => t.toFixed(0)).join('/')}); import map ${mapBytes} B inline for ${covered.size} files`;
      });
    }
  } finally {
    await browser?.close();
    await nextServer?.stop();
    await cdn.close();
    await server.close();
  }
}

/**
 * Collects a page's uncaught errors and React's hydration complaints (console errors).
 * @param {import('playwright-core').Page} page
 */
function watchPage(page) {
  /** @type {string[]} */
  const pageErrors = [];
  /** @type {string[]} */
  const hydration = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat/i.test(message.text())) hydration.push(message.text());
  });
  return { pageErrors, hydration };
}

/**
 * The whole flow as a person does it, on an app page: Record, speech until Submit enables, Stop,
 * Submit; the app must show the result the mock backend returned, and have heard every event
 * through its framework's binding.
 * @param {import('playwright-core').Browser} browser @param {string} url
 * @param {Awaited<ReturnType<typeof serveHosts>>} server the mock backend the app talks to
 */
async function recordFlow(browser, url, server) {
  const page = await browser.newPage();
  const { pageErrors, hydration } = watchPage(page);
  await watchWorklets(page);
  try {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${url} answers 200`);
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
    assert.deepEqual(hydration, [], 'no hydration errors');
    // The host's bundler copied the speech worklet (a `new URL(…, import.meta.url)` asset) and the page loaded it.
    /** @type {{ url: string, ok?: boolean }[]} */
    const added = await page.evaluate(() => /** @type {any} */ (window).addedWorklets);
    const worklets = added.filter((entry) => entry.ok && /speech-worklet/.test(entry.url)).map((entry) => entry.url.replace(/^https?:\/\/[^/]+/, ''));
    assert.equal(worklets.length, 1, `the speech worklet came with the app's build and loaded (addModule: ${JSON.stringify(added)})`);
    return `run ${runId}, ${run.uploads.main.size} B uploaded, speech count on the audio thread (${worklets[0]}), heard ${new Set(heard).size} event types in the flow and all ${names.length} when dispatched`;
  } finally {
    await page.close();
  }
}

/**
 * Records on the page what AudioWorklet.addModule was given and whether it loaded
 * (`window.addedWorklets`): the worklet's fetch happens off the page, where neither the page's
 * network events nor a framework app's server would show it.
 * @param {import('playwright-core').Page} page
 */
async function watchWorklets(page) {
  await page.addInitScript(() => {
    const record = /** @type {{ url: string, ok?: boolean }[]} */ ((/** @type {any} */ (window).addedWorklets = []));
    const addModule = AudioWorklet.prototype.addModule;
    AudioWorklet.prototype.addModule = function (/** @type {string | URL} */ moduleUrl, /** @type {WorkletOptions | undefined} */ options) {
      const entry = { url: String(moduleUrl) };
      record.push(entry);
      return addModule.call(this, moduleUrl, options).then(
        () => void Object.assign(entry, { ok: true }),
        (/** @type {unknown} */ error) => {
          Object.assign(entry, { ok: false });
          throw error;
        },
      );
    };
  });
}

/** A free loopback port (the OS picks one; closed again before the caller listens on it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `next start` in its own process group, ready once it answers HTTP; `stop` ends that group.
 * @param {string} dir @param {Record<string, string>} env
 */
async function startNext(dir, env) {
  const port = await freePort();
  const child = spawn(join(dir, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: { ...CHILD_ENV, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const origin = `http://127.0.0.1:${port}`;
  // Ready when it answers; give up when the process ends or after a minute.
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}\n${output}`);
    const answered = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5_000) }).then(() => true, () => false);
    if (answered) return { origin, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${origin}\n${output}`);
}

if (process.env.KEEP_HOSTS) console.log(`hosts: kept ${workspace}`);
else rmSync(workspace, { recursive: true, force: true });

const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
console.log(`hosts: ${passed} passed, ${failed} failed in ${seconds(performance.now() - started)}`);
process.exit(failed > 0 || !installed ? 1 : 0);
