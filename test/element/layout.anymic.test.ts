/**
 * The phone layout, measured (issue 23, CONTRACT "Phone layout"): every state
 * in English and Japanese, at 320, 390 and 1280 px wide, in Chromium, Firefox
 * and WebKit (an *.anymic file: whatever microphone the engine fakes, so the
 * speech minimum is off where a take must be finished).
 *
 * At every width: no horizontal overflow (element or page), no clipped text,
 * every button and form control at least 44 × 44 px. At 390 px: axe clean
 * and a visible focus ring on every control; before Record, the instruction
 * runs to at most 3 lines in English, 4 in Japanese. While recording, at 390 × 844:
 * with the step's title at the top, the start of the prompt, the speech
 * meter and Stop are all on screen (Helios, and Apollo's read-aloud passage).
 *
 * Each state is reached once per language and then measured at each width,
 * so the run stays short.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { button, createSession, part, waitForState, waitUntil, type Recorder } from '../helpers/element.js';
import { expectAccessible, printAxeSummary } from '../helpers/a11y.js';
import { FAST_TIMING, mountRecorder, staticUrls, unmountAll } from '../helpers/faults.js';
import { engine, sleep } from '../helpers/media.js';

const WIDTHS = [320, 390, 1280] as const;
const PHONE_HEIGHT = 844;
const LANGUAGES = ['en', 'ja'] as const;
type Lang = (typeof LANGUAGES)[number];

const covered: string[] = [];
const CONTROLS = 'button, input, select, textarea, summary';

function visible(node: Element): boolean {
  const box = node.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  const style = getComputedStyle(node);
  return style.visibility !== 'hidden' && style.display !== 'none' && !node.closest('.visually-hidden');
}

/** Everything that breaks the layout contract at this width, as readable lines. */
function layoutProblems(el: Recorder): string[] {
  const problems: string[] = [];
  const host = el.getBoundingClientRect();
  const root = el.shadowRoot!;
  const name = (node: Element) => node.getAttribute('part') ?? `${node.tagName.toLowerCase()}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}`;
  if (el.scrollWidth > el.clientWidth + 1) problems.push(`element scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
  if (viewports && document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof HTMLAudioElement || node instanceof HTMLSlotElement || !visible(node)) continue;
    // Inside the passage box the text scrolls by design (and is clipped by it, not by the element).
    const inPassage = !!node.parentElement?.closest('.passage');
    const box = node.getBoundingClientRect();
    if (!inPassage && (box.left < host.left - 1 || box.right > host.right + 1)) problems.push(`${name(node)} sticks out: ${Math.round(box.left - host.left)}…${Math.round(box.right - host.left)} of ${Math.round(host.width)}`);
    const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
    if (ownText && !inPassage && node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0) problems.push(`${name(node)} clips its text: ${node.scrollWidth} > ${node.clientWidth}`);
    const style = getComputedStyle(node);
    if (ownText && /hidden|clip/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1) problems.push(`${name(node)} clips its text vertically`);
  }
  for (const control of root.querySelectorAll(CONTROLS)) {
    if (!visible(control)) continue;
    const box = control.getBoundingClientRect();
    if (box.width < 44 - 0.5 || box.height < 44 - 0.5) problems.push(`${name(control)} is ${Math.round(box.width)} × ${Math.round(box.height)} px`);
  }
  return problems;
}

/** Focuses every control in turn: each shows an opaque ring at least 2 px wide. */
function focusProblems(el: Recorder): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const control of el.shadowRoot!.querySelectorAll<HTMLElement>(`${CONTROLS}, [tabindex="0"]`)) {
    if (!visible(control) || (control as HTMLButtonElement).disabled) continue;
    control.focus();
    if (!control.matches(':focus-visible')) continue;
    checked += 1;
    const style = getComputedStyle(control);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) problems.push(`${control.getAttribute('part') ?? control.tagName}: no visible focus ring`);
  }
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  return { problems, checked };
}

/**
 * Where the runner can resize the window (Chromium, Firefox) the viewport is
 * set; WebKitGTK's WebDriver cannot, so there the page's body is made that
 * wide instead (the element lays out the same; the page's own overflow and
 * the one-screen check need a real viewport and are left to the others).
 */
let viewports = true;

async function atWidth(width: number): Promise<void> {
  if (viewports) await setViewport({ width, height: width >= 1280 ? 800 : PHONE_HEIGHT }).catch(() => (viewports = false));
  document.body.style.width = viewports ? '' : `${width}px`;
  // Two frames: the resize, then the layout it causes.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Measures the element as it is now at every width; axe and focus at 390 px. */
async function measure(el: Recorder, state: string, lang: Lang, options: { fits?: boolean; instruction?: boolean } = {}): Promise<void> {
  await el.updateComplete;
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await atWidth(width);
    problems.push(...layoutProblems(el).map((problem) => `${width}px: ${problem}`));
    covered.push(`${state}|${width}|${lang}`);
  }
  await atWidth(390);
  if (options.fits && viewports) problems.push(...fitsOnePhoneScreen(el));
  if (options.instruction) problems.push(...instructionLines(el, lang));
  const focus = focusProblems(el);
  problems.push(...focus.problems);
  expect(problems, `${state} (${lang}, ${engine()})`).to.deep.equal([]);
  await expectAccessible(el, `${state} ${lang}`);
}

/** Recording at 390 × 844, the step's title at the top: the prompt starts, and the speech meter and Stop are, on screen. */
function fitsOnePhoneScreen(el: Recorder): string[] {
  const title = part(el, 'title') ?? part(el, 'prompt')!;
  title.scrollIntoView({ block: 'start' });
  const problems: string[] = [];
  const prompt = part(el, 'prompt')!.getBoundingClientRect();
  if (prompt.top < 0 || prompt.top > PHONE_HEIGHT - 48) problems.push(`prompt starts at ${Math.round(prompt.top)} px`);
  for (const name of ['speech-meter', 'stop-button']) {
    const box = part(el, name)!.getBoundingClientRect();
    if (box.top < 0 || box.bottom > PHONE_HEIGHT) problems.push(`${name} at ${Math.round(box.top)}…${Math.round(box.bottom)} px, outside 0…${PHONE_HEIGHT}`);
  }
  return problems;
}

/** The instruction before Record is short enough to read before acting: 3 lines at 390 px in English, 4 in Japanese. */
function instructionLines(el: Recorder, lang: Lang): string[] {
  const instruction = part(el, 'prompt')?.querySelector('p');
  if (!instruction) return ['no instruction in the prompt'];
  const lines = Math.round(instruction.getBoundingClientRect().height / parseFloat(getComputedStyle(instruction).lineHeight));
  const most = lang === 'ja' ? 4 : 3;
  return lines > most ? [`the instruction runs to ${lines} lines (at most ${most})`] : [];
}

async function mounted(lang: Lang, attributes: Record<string, string>): Promise<Recorder> {
  const el = await mountRecorder({ lang, 'min-speech-seconds': '0', ...attributes }, { timing: { ...FAST_TIMING, uploadStallMs: 60_000 } });
  await el.updateComplete;
  return el;
}

async function startRecording(el: Recorder): Promise<void> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording');
  await sleep(1200);
}

async function stopRecording(el: Recorder): Promise<void> {
  button(el, 'stop-button').click();
  await waitForState(el, 'recorded');
}

describe(`phone layout in every state (${engine()})`, function () {
  this.timeout(240_000);
  before(async () => {
    // Keyboard modality, so programmatic focus shows the ring a keyboard user would see.
    await sendKeys({ press: 'Tab' }).catch(() => undefined);
  });
  afterEach(() => unmountAll());
  after(async () => {
    if (viewports) await setViewport({ width: 800, height: 600 }).catch(() => undefined);
    document.body.style.width = '';
    const states = new Set(covered.map((entry) => entry.split('|')[0]));
    console.log(
      `layout (${engine()}): ${states.size} states × ${WIDTHS.length} widths × ${LANGUAGES.length} languages = ${covered.length} measured screens` +
        (viewports ? '' : ' (widths set on the page body: this runner cannot resize the window)'),
    );
    printAxeSummary(`layout, ${engine()}`);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: before recording (idle; consent and sleep times) and a refused microphone`, async () => {
      const session = await createSession('helios');
      await measure(await mounted(lang, staticUrls(session)), 'idle', lang, { instruction: true });
      await measure(await mounted(lang, { ...staticUrls(session), 'require-consent': '', 'ask-sleep': '' }), 'idle, consent and sleep times', lang);
      const original = navigator.mediaDevices.getUserMedia;
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      try {
        const el = await mounted(lang, staticUrls(session));
        button(el, 'record-button').click();
        await waitForState(el, 'error');
        await measure(el, 'error mic-permission-denied', lang);
      } finally {
        navigator.mediaDevices.getUserMedia = original;
      }
    });

    it(`${lang}: Helios recording, too short, review, results`, async () => {
      const short = await mounted(lang, { ...staticUrls(await createSession('helios')), 'min-speech-seconds': '60' });
      await startRecording(short);
      await stopRecording(short);
      await measure(short, 'too short (paused)', lang);

      const el = await mounted(lang, staticUrls(await createSession('helios')));
      await startRecording(el);
      await measure(el, 'recording', lang, { fits: true });
      await stopRecording(el);
      await measure(el, 'review (one take)', lang);
      button(el, 'submit-button').click();
      await waitForState(el, 'complete', 30_000);
      await measure(el, 'complete (Helios results)', lang);
    });

    it(`${lang}: Apollo read-aloud recording, the review of both takes, the patient's ending`, async () => {
      const session = await createSession('apollo');
      const el = await mounted(lang, { model: 'apollo', 'session-url': '/api/session', 'status-url': session.statusUrl });
      await measure(el, 'idle (Apollo mood question)', lang, { instruction: true });
      await startRecording(el);
      await stopRecording(el);
      button(el, 'next-button').click();
      await waitForState(el, 'idle');
      await measure(el, 'idle (Apollo read-aloud)', lang, { instruction: true });
      await startRecording(el);
      await measure(el, 'recording (Apollo read-aloud)', lang, { fits: true });
      await stopRecording(el);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="take"]').length === 2, 'both takes listed');
      await measure(el, 'review (Apollo, two takes)', lang);
      button(el, 'submit-button').click();
      await waitForState(el, 'complete', 30_000);
      await measure(el, 'complete (Apollo, patient)', lang);
    });

    it(`${lang}: uploading, processing and the errors after sending`, async () => {
      const scenarios: [string, string, Record<string, string>][] = [
        ['uploading', 'uploading', { uploadFaults: 'stall' }],
        ['processing', 'processing', { processingMs: '60000' }],
        ['error upload-failed', 'error', { uploadFaults: '400' }],
        ['error status-failed', 'error', { statusFaults: '401' }],
        ['error model-error', 'error', { outcome: 'ERR_INTERNAL' }],
      ];
      for (const [name, state, scenario] of scenarios) {
        const el = await mounted(lang, staticUrls(await createSession('helios', scenario)));
        await startRecording(el);
        button(el, 'submit-button').click();
        await waitForState(el, state, 30_000);
        await measure(el, name, lang);
        el.remove();
      }
    });
  }
});
