// Browser tests: headless Debian Chromium with a fake microphone fed from a
// WAV per group (speech, silence), plus Firefox ESR whose fake mic is a tone.
// Upload and status endpoints are the mock thymia/host backend, mounted as
// middleware in the test server.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeMicrophoneArgs } from './scripts/chromium-args.mjs';
import { FIREFOX_FAKE_MEDIA_PREFS, FIREFOX_PATH } from './scripts/firefox-prefs.mjs';
import { createMockThymia, koaMiddleware } from './demo/backend/mock-thymia.js';
import { webkitgtkLauncher } from './scripts/webkitgtk-launcher.mjs';
import { cspTestPage } from './test/csp/csp-middleware.mjs';
import { serverHalfMiddleware } from './test/server-half/e2e-middleware.mjs';
import { tsForJs } from './scripts/build/ts-for-js.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The speech worklet is fetched by URL as `speech-worklet.js`: serve its TypeScript source (see ts-for-js.mjs). */
async function workletSource(ctx, next) {
  const ts = tsForJs(root, ctx.path);
  if (ts) ctx.path = ts;
  await next();
}

/**
 * Files a package's "browser" field maps to nothing (bundlers, Vite included, serve them empty):
 * the test server serves files by path and would hand the browser mediabunny's Node-only file.
 */
const browserFieldStubs = {
  name: 'browser-field-stubs',
  serve(context) {
    if (context.path.endsWith('/node_modules/mediabunny/dist/modules/src/node.js')) return { body: 'export {};', type: 'js' };
    return undefined;
  },
};

const fixture = (name) => fileURLToPath(new URL(`./test/fixtures/${name}`, import.meta.url));

/** One Chromium per fake-audio file: the capture file is a launch flag. */
function chromium(wav, { denyPermission = false } = {}) {
  const args = [...CHROMIUM_ARGS, ...(wav ? fakeMicrophoneArgs(fixture(wav), { denyPermission }) : [])];
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args },
  });
}

/**
 * Firefox ESR over WebDriver BiDi (puppeteer-core). Its fake microphone is a
 * tone, not a file; its AudioContext needs a running PulseAudio (.ci/run starts one).
 */
function firefox() {
  return chromeLauncher({
    // Passing puppeteer-core itself makes the launcher report the browser as "Firefox".
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: FIREFOX_FAKE_MEDIA_PREFS,
    },
  });
}

const mock = createMockThymia({ defaultProcessingMs: 300 });
const everyEngine = [
  'test/unit/**/*.test.ts',
  'test/element/**/*.dom.test.ts',
  'test/element/**/*.anymic.test.ts',
  // Its error-event test counts on Chromium having no microphone here; Firefox and WebKit fake one.
  '!test/element/definition.dom.test.ts',
];
const only = process.env.TEST_GROUP;
// Real S3 (Ceph radosgw on loopback) for the s3 group: started here when that group runs, and a
// start that fails throws, failing the run rather than skipping the group.
// Its S3 client lives in scripts/s3/'s own install (scripts/test.sh installs it for this group): imported only then.
const s3Fixture = !only || only.split(',').includes('s3') ? await import('./scripts/s3/s3-fixture.mjs') : undefined;
const s3 = s3Fixture ? await s3Fixture.startS3({ stopOnExit: true }) : undefined;

export default {
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  // Two browsers at a time on a 2-core CI machine: with three, the fake microphones and the speech
  // worklets were starved now and then (a take with its first second missing, a poll that never ran).
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 600_000,
  plugins: [browserFieldStubs, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  // The strict-CSP page (test/csp/) goes first: it logs the page's requests and adds CORS to its cross-origin upload.
  // The server half (/api/thymia-e2e, thymia-recorder/server as built) calls the mock's /v1 API on this same server.
  middleware: [workletSource, cspTestPage(mock), serverHalfMiddleware(), koaMiddleware(mock), ...(s3Fixture && s3 ? [s3Fixture.s3Middleware(s3)] : [])],
  testFramework: { config: { timeout: 60_000 } },
  groups: [
    { name: 'unit', files: 'test/unit/**/*.test.ts', browsers: [chromium()] },
    // Firefox and WebKit run the unit files, the DOM-only element flows and the flows that hold for any
    // fake microphone (*.anymic: no speech minimum), plus their own files.
    { name: 'firefox', files: [...everyEngine, 'test/element/**/*.firefox.test.ts'], browsers: [firefox()] },
    // Safari's engine: WebKitGTK's MiniBrowser with a mock microphone (a tone pattern), under Xvfb.
    // The speech count now rejects held-pitch sounds (music, tones), so WebKit's tone no longer
    // reaches the fault suites' 2 s minimum: those run in Chromium; WebKit runs the flows with no
    // minimum (*.anymic), the DOM flows and its own engine checks, plus faults-status.
    {
      name: 'webkit',
      files: [
        ...everyEngine,
        'test/element/**/*.webkit.test.ts',
        'test/element/faults-status.speech.test.ts',
      ],
      browsers: [webkitgtkLauncher()],
    },
    { name: 'anymic', files: 'test/element/**/*.anymic.test.ts', browsers: [chromium('speech.wav')] },
    { name: 'speech', files: 'test/element/**/*.speech.test.ts', browsers: [chromium('speech.wav')] },
    { name: 'silence', files: 'test/element/**/*.silence.test.ts', browsers: [chromium('silence.wav')] },
    // Element flows that record nothing (calls, activity hand-offs, results rendered from scripted status answers).
    { name: 'dom', files: 'test/element/**/*.dom.test.ts', browsers: [chromium()] },
    // A fake device but no auto-accepting permission UI: headless Chromium then denies the microphone.
    // Uploads through the element to genuine SigV4 pre-signed URLs on radosgw, another origin than the page's.
    { name: 's3', files: 'test/s3/**/*.test.ts', browsers: [chromium('speech.wav')] },
    { name: 'nomic', files: 'test/element/**/*.nomic.test.ts', browsers: [chromium('speech.wav', { denyPermission: true })] },
  ]
    .filter((group) => !only || only.split(',').includes(group.name))
    // TEST_FILES=glob narrows every selected group to those files (handy while working on one).
    .map((group) => (process.env.TEST_FILES ? { ...group, files: process.env.TEST_FILES } : group)),
};
