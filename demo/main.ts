/**
 * The demo page's glue. The element itself is loaded by index.html from
 * /src/index.ts; this file only configures it and logs its events.
 *
 * The person's details (thymia's `user` and `language`) never go through the
 * element — its session request body is fixed to `{ model }`. The page POSTs
 * them to the demo backend's /api/demo/profile, which keeps them in a signed
 * demo cookie (the demo's stand-in for a sign-in); the server half
 * (thymia-recorder/server at /api/thymia) reads them from there through its
 * `authorize`. In mock mode the page sets the mock's scenario for the
 * person's userLabel before each run (/__mock/scenario).
 *
 * A questionnaire is the same idea with `follow`: the element's `session-url`
 * names the questionnaire type in its query, and the server half creates one
 * with thymia and answers its `activityLink` and a `statusUrl` the element polls.
 */
import { THYMIA_EVENT_NAMES, type ThymiaRecorder } from '../src/index.js';

const EVENTS = THYMIA_EVENT_NAMES;

/** The mock's scenario for the person's next run (demo/backend/mock-thymia-api.js). */
interface Scenario {
  outcome?: string;
  warnings?: string[];
  uploadFaults?: string[];
  statusFaults?: string[];
  /** Only the next run gets the faults, so the element's re-mint gets a healthy one. */
  once?: boolean;
}
const SCENARIOS: Record<string, Scenario> = {
  ok: {},
  ERR_RECORDING_TOO_SHORT: { outcome: 'ERR_RECORDING_TOO_SHORT' },
  ERR_TRANSCRIPTION_FAILED: { outcome: 'ERR_TRANSCRIPTION_FAILED' },
  ERR_RECORDING_TOO_LONG: { outcome: 'ERR_RECORDING_TOO_LONG' },
  ERR_RECORDING_INVALID_FORMAT: { outcome: 'ERR_RECORDING_INVALID_FORMAT' },
  ERR_INTERNAL: { outcome: 'ERR_INTERNAL' },
  warnings: { warnings: ['Background noise detected in recording'] },
  'upload-500': { uploadFaults: ['500', '500'] },
  'upload-403-once': { uploadFaults: ['403'], once: true },
  'upload-403': { uploadFaults: ['403'] },
  'upload-drop': { uploadFaults: ['drop'] },
  // The server half retries thymia's 503 itself; the element never sees it.
  'status-503': { statusFaults: ['503'] },
  'status-html': { statusFaults: ['html'] },
  'status-404': { statusFaults: ['404'] },
};

const MODEL_HINTS = {
  helios: 'One recording: talk about your day (Helios, thymia "mental-wellness").',
  apollo: 'Two recordings: answer a mood question, then read a passage aloud (Apollo, for clinicians).',
  questionnaire: 'Nothing recorded: the person answers a thymia questionnaire in its activity; the element waits for the answers and shows the score.',
};
type DemoModel = keyof typeof MODEL_HINTS;

/** The element's languages, and the thymia LanguageCode the profile gets when one is picked here. */
const UI_LANGUAGES = { en: 'en-GB', es: 'es-ES', id: 'id-ID', ja: 'ja-JP' } as const;
type UiLanguage = keyof typeof UI_LANGUAGES;
const isUiLanguage = (value: string): value is UiLanguage => Object.hasOwn(UI_LANGUAGES, value);

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const THEME_KEY = 'thymia-demo:theme';

interface DemoConfig {
  mode: 'mock' | 'thymia';
}

const $ = <T extends Element>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo: ${selector} missing`);
  return found;
};

const form = $<HTMLFormElement>('#settings');
const stage = $<HTMLDivElement>('#stage');
const markup = $<HTMLPreElement>('#markup');
const logList = $<HTMLOListElement>('#log');
const logEmpty = $<HTMLParagraphElement>('#log-empty');
const modeBadge = $<HTMLParagraphElement>('#mode');
const profileError = $<HTMLParagraphElement>('#profile-error');
const scenarioSet = $<HTMLFieldSetElement>('#scenario-set');
const scenarioHint = $<HTMLParagraphElement>('#scenario-hint');

let config: DemoConfig = { mode: 'mock' };
let signedIn = false;
let profileKey = '';
let recorder: ThymiaRecorder | undefined;
let currentFlow = '';

// ── Settings ─────────────────────────────────────────────────────────────

function field(name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

function readProfile() {
  return {
    userLabel: field('userLabel').trim(),
    dateOfBirth: field('dateOfBirth'),
    birthSex: field('birthSex'),
    language: field('language'),
    // The server half cuts results to this policy, so the browser gets no more than the element shows.
    results: field('results'),
  };
}

function defaultUserLabel(): string {
  const key = 'thymia-demo:userLabel';
  let label = sessionStorage.getItem(key);
  if (!label) {
    label = `demo-${crypto.randomUUID().slice(0, 8)}`;
    sessionStorage.setItem(key, label);
  }
  return label;
}

/** "Signs in" with the backend: the details go into its signed demo cookie (only when they changed). */
async function ensureProfile(): Promise<void> {
  const profile = readProfile();
  const key = JSON.stringify(profile);
  if (signedIn && key === profileKey) return;
  const response = await fetch('/api/demo/profile', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: key,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    profileError.textContent = body.error?.message ?? `The backend refused the details (${response.status}).`;
    profileError.hidden = false;
    signedIn = false;
    return;
  }
  profileError.hidden = true;
  signedIn = true;
  profileKey = key;
}

/** Mock mode: the chosen scenario for the person's next run (re-armed whenever the element starts over). */
async function armScenario(): Promise<void> {
  if (config.mode !== 'mock' || readModel() === 'questionnaire') return;
  const scenario = SCENARIOS[field('scenario')] ?? SCENARIOS.ok;
  await fetch('/__mock/scenario', { method: 'POST', body: JSON.stringify({ userLabel: readProfile().userLabel, ...scenario }) }).catch(() => undefined);
}

function readModel(): DemoModel {
  const model = field('model');
  return model === 'apollo' || model === 'questionnaire' ? model : 'helios';
}

/** The server half's session route; a questionnaire names its type in the query (the element's body carries none). */
function sessionUrl(): string {
  if (readModel() !== 'questionnaire') return '/api/thymia/session';
  return `/api/thymia/session?${new URLSearchParams({ questionnaireType: field('questionnaireType').trim() || 'phq-2' })}`;
}

/** Sets (or removes) an attribute so the markup shown matches the element. */
function attr(element: Element, name: string, value: string | boolean | undefined): void {
  if (value === undefined || value === false || value === '') element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

async function apply(): Promise<void> {
  const model = readModel();
  const questionnaire = model === 'questionnaire';
  $<HTMLParagraphElement>('#model-hint').textContent = MODEL_HINTS[model];
  $<HTMLFieldSetElement>('#questionnaire-set').hidden = !questionnaire;
  scenarioSet.hidden = questionnaire;
  await ensureProfile();
  await armScenario();

  // A different model (or questionnaire type) is a different flow: start from a fresh element.
  // Not the profile: a new language mid-run re-registers it, and the run on screen should stay.
  const flow = questionnaire ? `questionnaire:${field('questionnaireType').trim()}` : model;
  if (!recorder || flow !== currentFlow) {
    recorder?.remove();
    recorder = document.createElement('thymia-recorder');
    if (!questionnaire) recorder.setAttribute('model', model);
    // Before the element connects: following starts on its first render.
    attr(recorder, 'follow', questionnaire);
    attr(recorder, 'session-url', sessionUrl());
    attr(recorder, 'lang', uiLanguage());
    stage.append(recorder);
    currentFlow = flow;
  }
  attr(recorder, 'session-url', sessionUrl());
  attr(recorder, 'activity-mode', questionnaire ? field('activityMode') : undefined);
  attr(recorder, 'results', field('results'));
  // The demo backend keeps each person's runs (SQLite): record three times and the baseline forms.
  attr(recorder, 'history-url', questionnaire ? undefined : '/api/thymia/history');
  attr(recorder, 'min-speech-seconds', questionnaire ? undefined : field('minSpeech'));
  attr(recorder, 'auto-submit', !questionnaire && field('autoSubmit') === 'on');
  attr(recorder, 'ask-sleep', !questionnaire && field('askSleep') === 'on');
  attr(recorder, 'require-consent', !questionnaire && field('requireConsent') === 'on');
  attr(recorder, 'lang', uiLanguage());
  attr(recorder, 'poll-interval', config.mode === 'mock' ? '1000' : undefined);
  showMarkup(recorder);
}

// ── Language and theme ───────────────────────────────────────────────────

const uiLangGroup = $<HTMLDivElement>('#ui-lang');
const themeGroup = $<HTMLDivElement>('#theme');

function checkedValue(group: Element, name: string): string {
  return group.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

function check(group: Element, name: string, value: string): void {
  const input = group.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (input) input.checked = true;
}

function uiLanguage(): UiLanguage {
  const value = checkedValue(uiLangGroup, 'uiLang');
  return isUiLanguage(value) ? value : 'en';
}

/** The element's language and the person's thymia language move together (`en-IN` stays `en-IN` under English). */
uiLangGroup.addEventListener('change', () => {
  const select = form.elements.namedItem('language') as HTMLSelectElement;
  if (select.value.split('-')[0] !== uiLanguage()) select.value = UI_LANGUAGES[uiLanguage()];
  scheduleApply(0);
});

function syncUiLanguageFromProfile(): void {
  const base = readProfile().language.split('-')[0];
  if (isUiLanguage(base)) check(uiLangGroup, 'uiLang', base);
}

function applyTheme(theme: Theme): void {
  // "auto" leaves the page to prefers-color-scheme (demo.css).
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

themeGroup.addEventListener('change', () => {
  const theme = checkedValue(themeGroup, 'theme') as Theme;
  applyTheme(theme);
  localStorage.setItem(THEME_KEY, theme);
});

function restoreTheme(): void {
  const saved = localStorage.getItem(THEME_KEY);
  const theme: Theme = (THEMES as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'auto';
  check(themeGroup, 'theme', theme);
  applyTheme(theme);
}

function showMarkup(element: Element): void {
  const attributes = [...element.attributes]
    .filter((attribute) => attribute.name !== 'state')
    .map((attribute) => (attribute.value === '' ? `  ${attribute.name}` : `  ${attribute.name}="${attribute.value}"`));
  markup.textContent = `<thymia-recorder\n${attributes.join('\n')}\n></thymia-recorder>`;
}

let pending: ReturnType<typeof setTimeout> | undefined;
function scheduleApply(delay = 250): void {
  clearTimeout(pending);
  pending = setTimeout(() => void apply().catch((error: unknown) => log('demo', { error: String(error) }, 'error')), delay);
}

form.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name === 'language') syncUiLanguageFromProfile();
  // Text fields settle before they reach the backend; switches apply at once.
  scheduleApply(target.type === 'text' || target.type === 'number' ? 400 : 0);
});
form.addEventListener('submit', (event) => event.preventDefault());

$<HTMLButtonElement>('#reset').addEventListener('click', () => void recorder?.reset());

// ── Event log ────────────────────────────────────────────────────────────

const MAX_ENTRIES = 300;
let lastEntry: { name: string; element: HTMLLIElement; count: number } | undefined;

function toneOf(name: string, detail: unknown): string {
  if (name === 'thymia-error') return (detail as { recoverable?: boolean })?.recoverable ? 'warn' : 'error';
  if (name === 'thymia-result') return 'ok';
  return 'info';
}

/** Appends one entry; bursts of the same progress event fold into one line. */
function log(name: string, detail: unknown, tone = toneOf(name, detail)): void {
  const json = JSON.stringify(detail, null, 2) ?? 'undefined';
  const foldable = name === 'thymia-upload-progress' || (name === 'thymia-status' && lastEntry?.name === name);
  if (foldable && lastEntry?.name === name) {
    lastEntry.count += 1;
    lastEntry.element.querySelector('.count')!.textContent = `×${lastEntry.count}`;
    lastEntry.element.querySelector('pre')!.textContent = json;
    lastEntry.element.querySelector('time')!.textContent = clock();
    return;
  }
  const item = document.createElement('li');
  item.dataset.tone = tone;
  item.dataset.event = name;
  const head = document.createElement('div');
  head.className = 'entry-head';
  const time = document.createElement('time');
  time.textContent = clock();
  const label = document.createElement('strong');
  label.textContent = name;
  const count = document.createElement('span');
  count.className = 'count';
  head.append(label, count, time);
  const pre = document.createElement('pre');
  pre.textContent = json; // always text: details may carry server-provided strings
  item.append(head, pre);
  logList.prepend(item);
  lastEntry = { name, element: item, count: 1 };
  while (logList.childElementCount > MAX_ENTRIES) logList.lastElementChild?.remove();
  logEmpty.hidden = true;
}

function clock(): string {
  const now = new Date();
  return `${now.toLocaleTimeString([], { hour12: false })}.${String(now.getMilliseconds()).padStart(3, '0')}`;
}

for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const detail = (event as CustomEvent).detail;
    log(name, detail);
    if (name === 'thymia-status' && config.mode === 'mock') void inspectMockRun(detail);
    // Back to the start: re-arm the scenario (one-shot faults included) for the next attempt.
    if (name === 'thymia-state-change' && detail?.state === 'idle' && recorder && event.target === recorder) void armScenario();
  });
}

$<HTMLButtonElement>('#clear-log').addEventListener('click', () => {
  logList.replaceChildren();
  lastEntry = undefined;
  logEmpty.hidden = false;
});

/** Mock mode: once a run is processing, show what the mock received (size, Content-Type). */
const inspected = new Set<string>();
async function inspectMockRun(detail: { status?: string; response?: { id?: unknown } } | undefined): Promise<void> {
  const id = detail?.response?.id;
  if (typeof id !== 'string' || detail?.status === 'CREATED' || inspected.has(id)) return;
  inspected.add(id);
  const response = await fetch(`/__mock/runs/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  const run = (await response.json()) as { uploads: Record<string, { size: number; contentType?: string; headers: Record<string, unknown> }> };
  const uploads = Object.fromEntries(
    Object.entries(run.uploads).map(([recording, upload]) => [
      recording,
      { size: upload.size, contentType: upload.contentType, credentials: 'cookie' in upload.headers || 'authorization' in upload.headers },
    ]),
  );
  log('mock: uploads received', { run: id, uploads }, 'backend');
}

// ── Start ────────────────────────────────────────────────────────────────

async function start(): Promise<void> {
  (form.elements.namedItem('userLabel') as HTMLInputElement).value = defaultUserLabel();
  restoreTheme();
  syncUiLanguageFromProfile();
  try {
    const response = await fetch('/api/demo/config');
    if (response.ok) config = (await response.json()) as DemoConfig;
  } catch {
    // keep the mock default
  }
  modeBadge.dataset.mode = config.mode;
  modeBadge.textContent =
    config.mode === 'thymia'
      ? 'Real thymia API — the backend holds THYMIA_API_KEY. Recordings are really analysed.'
      : 'Mock thymia — nothing leaves this machine. Set THYMIA_API_KEY to use the real API.';
  scenarioSet.disabled = config.mode !== 'mock';
  if (config.mode !== 'mock') scenarioHint.textContent = 'Scenarios only apply to the mock.';
  await customElements.whenDefined('thymia-recorder');
  await apply();
}

void start();
