/**
 * The pages the recording figures load, the same in every engine: plain
 * module scripts driven from outside (Playwright, puppeteer's BiDi or classic
 * WebDriver), so every call returns JSON and takes its time from the page's
 * own clock (`Date.now()`, shared with the bench server on this machine).
 */

// The take page: one element, clicked as a person would. `window.benchTake` is the page's API.
const TAKE_JS = `
import '/thymia-recorder.js';

window.longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // Firefox and WebKit have no long-task timing; only Chromium's figures use it.
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let element;
const seen = { errors: [] };
const part = (name) => element.shadowRoot.querySelector('[part~="' + name + '"]');

async function until(check, timeoutMs, what, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (seen.errors.length) throw new Error(what + ': ' + seen.errors.join('; '));
    if (Date.now() > deadline) throw new Error('no ' + what + ' within ' + timeoutMs + ' ms (state ' + element.getAttribute('state') + ')');
    await sleep(everyMs);
  }
}

window.benchTake = {
  /** \`hidden\`: the element sits in a display:none container (no rendering; the audio path is the same). */
  async mount(attributes, { hidden = false } = {}) {
    await customElements.whenDefined('thymia-recorder');
    element = document.createElement('thymia-recorder');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.addEventListener('thymia-recording-start', () => (seen.startAt ??= Date.now()));
    element.addEventListener('thymia-recording-stop', (event) => {
      const { recording, durationSeconds, speechSeconds, mimeType, size } = event.detail;
      seen.stop = { recording, durationSeconds, speechSeconds, mimeType, size, at: Date.now() };
    });
    element.addEventListener('thymia-upload-complete', () => (seen.uploadCompleteAt ??= Date.now()));
    element.addEventListener('thymia-result', () => (seen.resultAt ??= Date.now()));
    element.addEventListener('thymia-error', (event) => {
      // Stop before the minimum only pauses the take (too-short, recoverable): not a failure.
      if (!event.detail.recoverable || event.detail.code !== 'too-short') seen.errors.push(event.detail.code + ': ' + event.detail.message);
    });
    const stage = document.getElementById('stage');
    stage.hidden = hidden;
    stage.replaceChildren(element);
    await element.updateComplete;
    return { userAgent: navigator.userAgent };
  },
  /** Record, as a click; resolves (page ms) once the element says recording started. */
  async record() {
    part('record-button').click();
    await until(() => seen.startAt, 30000, 'recording start');
    return seen.startAt;
  },
  /** Waits until Submit is enabled: the minimum speech is in. */
  async waitForMinimum(timeoutMs) {
    await until(() => part('submit-button')?.disabled === false, timeoutMs, 'minimum speech');
    return Date.now();
  },
  /** Stop, as a click; returns the page time just before it. */
  stop() {
    const at = Date.now();
    part('stop-button').click();
    seen.stopClickAt = at;
    return at;
  },
  /**
   * Stop, as a click, and how long until the review shows the take: \`domMs\` until its take row is in the
   * shadow DOM, \`frameMs\` until the task after the next animation frame (that frame has painted it),
   * both from just before the click (page clock, performance.now()).
   */
  async stopToReview(timeoutMs = 10000) {
    const root = element.shadowRoot;
    const shown = () => root.querySelector('[part~="review"] [part~="take"]');
    const clickAt = performance.now();
    part('stop-button').click();
    if (!shown()) {
      await new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('no review within ' + timeoutMs + ' ms (state ' + element.getAttribute('state') + ')'));
        }, timeoutMs);
      });
    }
    const domAt = performance.now();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const frameAt = performance.now();
    const row = shown();
    return { domMs: domAt - clickAt, frameMs: frameAt - clickAt, visible: !!row && row.getBoundingClientRect().height > 0, state: element.getAttribute('state') };
  },
  /** Waits for one of the times above ('uploadCompleteAt', 'resultAt', …) and returns all that was seen. */
  async waitFor(key, timeoutMs) {
    await until(() => seen[key], timeoutMs, key, 20);
    return { ...seen };
  },
  seen: () => ({ ...seen }),
  state: () => element.getAttribute('state'),
};
window.benchReady = true;
`;

const TAKE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: take</title></head>
<body><main id="stage"></main><script type="module" src="/take.js"></script></body></html>`;

// The interactive page: what a host page is (the element in the HTML, the bundle from a module
// script tag), plus a small classic script in <head> that notes when Record can be pressed.
const INTERACTIVE_PROBE_JS = `
window.benchInteractive = customElements.whenDefined('thymia-recorder').then(async () => {
  const element = document.querySelector('thymia-recorder');
  const ready = () => {
    const button = element.shadowRoot && element.shadowRoot.querySelector('[part~="record-button"]');
    return !!button && !button.disabled;
  };
  const definedAt = performance.now();
  await element.updateComplete;
  if (!ready()) {
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(element.shadowRoot, { subtree: true, childList: true, attributes: true });
    });
  }
  // performance.now() counts from the navigation's start.
  return { definedAt, interactiveAt: performance.now() };
});
`;

const interactiveHtml = (uploadUrl, statusUrl) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: interactive</title>
<script src="/interactive-probe.js"></script><script type="module" src="/thymia-recorder.js"></script></head>
<body><thymia-recorder upload-url="${uploadUrl}" status-url="${statusUrl}"></thymia-recorder></body></html>`;

/** path → content for startBenchServer; `origin` is the server's, for the interactive page's URLs. */
export function benchPages() {
  return {
    '/take.html': TAKE_HTML,
    '/take.js': TAKE_JS,
    '/interactive-probe.js': INTERACTIVE_PROBE_JS,
    // Its upload and status URLs are never used: nothing is recorded on that page.
    '/interactive.html': interactiveHtml('/upload/none', '/status/none'),
  };
}
