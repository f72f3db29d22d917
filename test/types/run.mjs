// @ts-check
/**
 * Typed JSX for Preact and Solid, as a host gets it: `npm pack`, then this folder (its own
 * package.json + package-lock.json: preact 10, preact 11 as `preact11`, solid-js 1, typescript) is
 * copied to a temp folder, installed there (scripts/ensure-deps.sh), the tarball added with
 * `npm install --no-save`, and `tsc --noEmit` runs once per project:
 *   preact/    Preact 10 (`thymia-recorder/preact`)
 *   preact11/  the same sources against Preact 11 (tsconfig paths map `preact` to the alias)
 *   solid/     solid-js 1.x (`thymia-recorder/solid`)
 * In each, the files under src/ must type-check, and every file under wrong/ must fail exactly
 * where it says: each line marked `// ✗ TS<code>` has an error with that code, and no other line
 * has one (so a copy fails for the misuse it was written for, not for a typo).
 * Also imports both exports in plain Node (their JS is the package entry).
 * Ends with "types: P passed, F failed" (npm test runs it as the `types` step).
 *
 *   node test/types/run.mjs
 *   KEEP_TYPES=1 node test/types/run.mjs   keeps the temp folder
 *
 * Builds first (under the build lock) when dist/lib is missing or older than src/.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'thymia-types-'));
const dir = join(workspace, 'types');
const started = performance.now();
/** One line per tsc project: its folder and what it checks. */
const PROJECTS = [
  { folder: 'preact', label: 'Preact 10' },
  { folder: 'preact11', label: 'Preact 11' },
  { folder: 'solid', label: 'Solid 1' },
];

let passed = 0;
let failed = 0;
/** @param {string} name @param {() => Promise<string | void>} body */
async function check(name, body) {
  try {
    const note = (await body()) ?? '';
    passed++;
    console.log(`  ✓ ${name}${note ? ` — ${note}` : ''}`);
    return true;
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '      ')}`);
    return false;
  }
}

/**
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<{ code: number | null, out: string }>}
 */
function runToEnd(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}
/** @param {string} command @param {string[]} args @param {string} cwd */
async function run(command, args, cwd) {
  const { code, out } = await runToEnd(command, args, cwd);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}\n${out.trim().split('\n').slice(-30).join('\n')}`);
  return out;
}

/** `{ file, line, code }` of every error in tsc's `--pretty false` output, paths relative to `dir`. @param {string} out @param {string} cwd */
function tscErrors(out, cwd) {
  return [...out.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)].map(([, file, line, code]) => ({
    file: relative(dir, join(cwd, file)).split(sep).join('/'),
    line: Number(line),
    code,
  }));
}

/** The `.tsx` files under a folder of the copy, relative to `dir`. @param {string} folder */
const sources = (folder) =>
  readdirSync(join(dir, folder), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.tsx'))
    .map((name) => `${folder}/${name.split(sep).join('/')}`)
    .sort();

/** Lines marked `// ✗ TS<code>` in a file: line number → code. @param {string} file */
function expectedErrors(file) {
  /** @type {Map<number, string>} */
  const marks = new Map();
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const mark = text.match(/\/\/ ✗ (TS\d+)\s*$/);
      if (mark) marks.set(index + 1, mark[1]);
    });
  return marks;
}

console.log(`types: workspace ${workspace}`);
let tarball = '';
const packedOk = await check('npm pack (after npm run build when dist/lib is stale)', async () => {
  // One lock hold for build and pack, as test/hosts/run.mjs does (a bundle-only vite build elsewhere empties dist/).
  const script = [
    'if [ ! -f dist/lib/preact.d.ts ] || [ ! -f dist/lib/solid.d.ts ] || [ -n "$(find src package.json -newer dist/lib/index.js -print -quit)" ]; then',
    '  npm run build >&2;',
    'fi',
    `npm pack --json --pack-destination '${workspace}'`,
  ].join('\n');
  const out = await run('flock', ['/tmp/thymia-recorder-build.lock', 'sh', '-c', script], repo);
  const packed = JSON.parse(out.slice(out.indexOf('[')))[0];
  tarball = join(workspace, packed.filename);
  const files = packed.files.map((/** @type {{ path: string }} */ file) => file.path);
  for (const needed of ['dist/lib/preact.d.ts', 'dist/lib/solid.d.ts', 'dist/lib/template-types.d.ts']) {
    if (!files.includes(needed)) throw new Error(`the tarball lacks ${needed}`);
  }
  return `${packed.filename}, ${packed.size} B`;
});

const installedOk =
  packedOk &&
  (await check('this folder installed in a temp copy (scripts/ensure-deps.sh), then the tarball (npm install --no-save)', async () => {
    cpSync(here, dir, { recursive: true, filter: (source) => !/[/\\]node_modules$/.test(source) });
    await run('bash', [join(repo, 'scripts/ensure-deps.sh'), dir], repo);
    // Types only: no install scripts (better-sqlite3 would build) and no optional peers.
    const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', '--omit=peer'];
    await run('npm', ['install', '--no-save', ...quiet, tarball], dir);
    const version = (/** @type {string} */ name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    return ['thymia-recorder', 'preact', 'preact11', 'solid-js', 'typescript'].map((name) => `${name} ${version(name)}`).join(', ');
  }));

if (installedOk) {
  await check('import "thymia-recorder/preact" and "/solid" in plain Node (their JS is the package entry)', async () => {
    const script = "const a = await import('thymia-recorder/preact'); const b = await import('thymia-recorder/solid'); const c = await import('thymia-recorder'); console.log(a.TAG_NAME === c.TAG_NAME && b.TAG_NAME === c.TAG_NAME ? c.TAG_NAME : 'mismatch');";
    const out = (await run(process.execPath, ['--input-type=module', '-e', script], dir)).trim();
    if (out !== 'thymia-recorder') throw new Error(`expected the entry's TAG_NAME, got ${out}`);
    return `TAG_NAME ${out}`;
  });

  for (const { folder, label } of PROJECTS) {
    const cwd = join(dir, folder);
    const { code, out } = await runToEnd(join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], cwd);
    const errors = tscErrors(out, cwd);
    // preact11 checks preact/'s files: the sources of a project are those its tsconfig includes.
    const base = folder === 'preact11' ? 'preact' : folder;
    await check(`${label}: tsc passes ${base}/src (correct use)`, async () => {
      const files = sources(`${base}/src`);
      if (files.length === 0) throw new Error(`no sources under ${base}/src`);
      const found = errors.filter((error) => error.file.startsWith(`${base}/src/`));
      if (found.length > 0 || (code !== 0 && errors.length === 0)) throw new Error(`tsc reports:\n${out.trim()}`);
      return files.join(', ');
    });
    for (const file of sources(`${base}/wrong`)) {
      const marks = expectedErrors(file);
      await check(`${label}: tsc fails ${file} where marked`, async () => {
        if (marks.size === 0) throw new Error(`${file} marks no line with // ✗ TS<code>`);
        const found = errors.filter((error) => error.file === file);
        for (const [line, expected] of marks) {
          if (!found.some((error) => error.line === line && error.code === expected)) {
            throw new Error(`no ${expected} on line ${line}; tsc reports for ${file}: ${JSON.stringify(found)}\n${out.trim()}`);
          }
        }
        const stray = found.filter((error) => !marks.has(error.line));
        if (stray.length > 0) throw new Error(`errors on unmarked lines: ${JSON.stringify(stray)}\n${out.trim()}`);
        if (code === 0) throw new Error('tsc exited 0');
        const name = `${file.split('/').pop()}(`;
        const message = out.split('\n').find((text) => text.includes(name) && text.includes('error TS'))?.replace(/^.*?error /, '');
        return [...marks].map(([line, expected]) => `line ${line} ${expected}`).join(', ') + (message ? ` (${message.slice(0, 140)})` : '');
      });
    }
  }
}

if (process.env.KEEP_TYPES) console.log(`types: kept ${workspace}`);
else rmSync(workspace, { recursive: true, force: true });
console.log(`types: ${passed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed > 0 ? 1 : 0);
