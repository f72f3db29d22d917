// @ts-check
/**
 * WebKitGTK's MiniBrowser (Safari's engine) for web-test-runner, driven over
 * WebDriver by Debian's WebKitWebDriver. The launcher owns its driver: it
 * starts it on a free loopback port the first time a test file needs the
 * browser (so listing the group in the config costs nothing when it is not
 * selected) and, without a DISPLAY, under its own Xvfb via `xvfb-run -a`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** MiniBrowser flags: a mock microphone that needs no prompt and no focus, Web Audio on. */
export const WEBKIT_MEDIA_ARGS = [
  // WebKitWebDriver only drives a browser started in automation mode.
  '--automation',
  '--enable-media-stream=true',
  '--enable-mock-capture-devices=true',
  '--enable-webaudio=true',
  // Test files follow each other in one window: a page kept in the page cache keeps its IndexedDB
  // transactions open and blocks the next page's writes to the same store.
  '--enable-page-cache=false',
  '--features=+MockCaptureDevices,-MockCaptureDevicesPrompt,-GetUserMediaRequiresFocus',
];

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** @param {number} port @param {number} timeoutMs */
async function waitUntilReady(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

class WebKitGtkLauncher extends WebdriverLauncher {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  #driver;
  /** @type {Promise<void> | undefined} */
  #driverReady;
  /** @type {{ port?: number, hostname?: string }} */
  #options;
  #driverPath;

  /** @param {{ port?: number, hostname?: string, capabilities: object }} options @param {string} driverPath */
  constructor(options, driverPath) {
    super(/** @type {any} */ (options));
    this.#options = options;
    this.#driverPath = driverPath;
    this.name = 'WebKit';
  }

  /** @param {any} config */
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }

  #startDriver() {
    this.#driverReady ??= (async () => {
      const port = await freePort();
      const driverCommand = [this.#driverPath, `--port=${port}`];
      const [command, ...args] = process.env.DISPLAY ? driverCommand : ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', ...driverCommand];
      // Its own process group, so stopping it also stops Xvfb and every MiniBrowser it started.
      const driver = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      this.#driver = driver;
      let stderr = '';
      driver.stderr?.on('data', (data) => {
        stderr = (stderr + data).slice(-4000);
      });
      const exited = new Promise((_, reject) => {
        driver.once('error', reject);
        driver.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${stderr}`)));
      });
      process.once('exit', () => this.#killDriver());
      await Promise.race([waitUntilReady(port, 30_000), exited]);
      this.#options.hostname = '127.0.0.1';
      this.#options.port = port;
    })();
    return this.#driverReady;
  }

  #killDriver() {
    const pid = this.#driver?.pid;
    this.#driver = undefined;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }

  /** @param {string} id @param {string} url */
  async startSession(id, url) {
    await this.#startDriver();
    return super.startSession(id, url);
  }

  /** @param {string} id @param {string} url */
  async startDebugSession(id, url) {
    await this.#startDriver();
    return super.startDebugSession(id, url);
  }

  async stop() {
    await super.stop();
    this.#killDriver();
  }
}

/**
 * @param {{ args?: string[], binary?: string, driverPath?: string }} [options]
 */
export function webkitgtkLauncher({ args = [], binary = process.env.WEBKIT_MINIBROWSER_PATH ?? MINIBROWSER, driverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? 'WebKitWebDriver' } = {}) {
  return new WebKitGtkLauncher(
    {
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi (webSocketUrl).
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary, args: [...WEBKIT_MEDIA_ARGS, ...args] },
      },
    },
    driverPath,
  );
}
