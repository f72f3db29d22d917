import { LitElement, html, type TemplateResult } from 'lit';
import type { StatusAdapter } from './api/outcome.js';
import type { ResilienceTiming } from './api/timing.js';
import { ThymiaEvent, type ThymiaEventDetails, type ThymiaEventName } from './events.js';
import { FlowController, type FlowSettings } from './flow/flow-controller.js';
import { PreflightController } from './flow/preflight-controller.js';
import { flowSettings, isFollowing } from './flow/settings.js';
import type { RecorderModel } from './flow/protocol.js';
import { LanguageController } from './i18n/language-controller.js';
import type { MessageOverrides } from './i18n/translate.js';
import type { ActivityMode } from './render/activity-handoff.js';
import { Announcer, type AnnouncerReading } from './render/announcer.js';
import { consentTextShown } from './render/consent-text.js';
import { FocusFollower } from './render/focus-follower.js';
import { toThymiaLocalTime } from './flow/local-time.js';
import type { PlaybackController } from './flow/playback-controller.js';
import { LazyViewsController } from './render/lazy-views-controller.js';
import { renderPanel, takeViewsNeeded, type PanelActions } from './render/recording-panel.js';
import { hostResultsMode, type ResultsMode } from './render/results-mode.js';
import { currentStep, type RecorderStateName } from './state/machine.js';
import { recorderStyles } from './styles.js';

export type { RecorderModel } from './flow/protocol.js';

/**
 * Records speech for thymia's voice biomarkers, uploads it to a pre-signed
 * URL, polls the host's status URL and renders the result.
 *
 * @tagname thymia-recorder
 * @summary Voice capture for thymia Helios and Apollo: microphone to results.
 *
 * @attr state - Reflected, read-only: `idle`, `requesting-permission`, `recording`, `recorded`, `uploading`, `processing`, `complete` or `error`.
 * @attr paused - Reflected, read-only: present while the take is paused (state stays `recording`); its value is the reason.
 *
 * @event thymia-state-change - `{ state, previous }` whenever `state` changes.
 * @event thymia-recording-start - `{ recording }` when capture starts or resumes.
 * @event thymia-recording-stop - `{ recording, durationSeconds, speechSeconds, mimeType, size, quality, pauses }` when capture stops; `durationSeconds` counts recorded time only, `pauses` lists `{ reason, atSeconds, pausedSeconds }`.
 * @event thymia-recording-pause - `{ recording, reason, atSeconds }` when the take pauses: `reason` is `user` (`pause-button`, `pause()`) or the interruption — `muted`, `ended`, `interrupted`, `hidden`, `device-lost`. It never resumes by itself.
 * @event thymia-recording-resume - `{ recording, atSeconds, pausedSeconds }` when the person resumes the paused take (same take, same upload).
 * @event thymia-upload-progress - `{ recording, loaded, total }` while uploading.
 * @event thymia-upload-complete - `{ recording }` once the pre-signed URL accepted the audio.
 * @event thymia-upload-retry - `{ recording, attempt, delayMs, reason }` before an upload is retried.
 * @event thymia-status - `{ status, response }` on every understood status answer.
 * @event thymia-result - `{ model, modelRunId, results, warnings, response }` once, on completion.
 * @event thymia-error - `{ code, message, recoverable, errorCode? }`; `message` is fit to show.
 * @event thymia-restored - `{ recording, durationSeconds, speechSeconds, ageSeconds }` when a stored recording is found.
 * @event thymia-consent - `{ accepted, text, at }` when the person ticks the consent box (`require-consent`).
 * @event thymia-history - `{ runs, baseline }` once `history-url` answered after a result (`baseline.values`: the medians of the first `baseline-sessions`).
 *
 * @slot consent - Replaces the default consent text (`require-consent`).
 * @slot prompt - Replaces the default instructions, question or passage for the current recording.
 * @slot prompt-mood-question - Apollo: replaces the mood question only (wins over `prompt`).
 * @slot prompt-read-aloud - Apollo: replaces the read-aloud passage only (wins over `prompt`).
 *
 * @csspart title - The screen's heading: focus and the view move to it on every change of screen (once the person has used the element).
 * @csspart prompt - The instructions / question / passage area (detail behind a "Tips" disclosure; the read-aloud passage scrolls in its own box).
 * @csspart next-step - Under the results: what happens next (Helios: come back another day; a patient-facing Apollo page: who sees the results).
 * @csspart consent - The consent panel; `consent-checkbox` its real checkbox.
 * @csspart sleep-time - `ask-sleep`: when the person fell asleep (`wake-time`: woke up); real inputs.
 * @csspart quality-warning - Advice after a take with audio quality issues (retake, or `submit-anyway-button`).
 * @csspart device-select - Microphone choice, shown when more than one input exists.
 * @csspart announcer - The visually hidden polite live region.
 * @csspart record-button - Starts (or restarts) recording.
 * @csspart stop-button - Stops recording.
 * @csspart submit-button - Uploads the recording(s); enabled once there is enough speech.
 * @csspart retake-button - Discards a take to record it again: each listed `take` has its own, named for the take in its accessible name (`Undo` brings it back).
 * @csspart take - One per take on the review: its name, duration and speech, its `playback` and its own `retake-button`.
 * @csspart playback - Plays a take back before it is sent, from the kept audio (`play-button`, `seek`); hidden where the page's CSP forbids `blob:` media.
 * @csspart play-button - Plays or pauses one take (named for the take).
 * @csspart seek - The position within one take: a range input.
 * @csspart undo - After a retake: what was discarded, and `undo-retake-button` to bring it back.
 * @csspart undo-retake-button - Brings back the take a retake discarded (until recording starts again).
 * @csspart continue-button - Resumes a recording stopped before it held enough speech.
 * @csspart pause-button - Pauses the take being recorded; the timer and speech count stop, the audio so far is kept.
 * @csspart resume-button - Carries a paused take on, into the same upload (on another microphone if its own is gone).
 * @csspart paused - Why the take is paused, in words (`data-reason` names the reason).
 * @csspart next-button - Apollo: moves on from the mood question to the read-aloud once it holds enough speech.
 * @csspart steps - Apollo: the step indicator (an ordered list; the current step has `aria-current="step"`).
 * @csspart review - Every take listed before submitting (and after a failed upload); `data-playback` says whether listening back is `available`.
 * @csspart takes - A step's own take listed before going on to the next step (Apollo's mood question).
 * @csspart retake-take-button - A listed take's `retake-button` (`data-recording` names it).
 * @csspart activity - The hand-off to a thymia activity.
 * @csspart activity-link - The link opening the activity in a new tab.
 * @csspart activity-frame - The embedded activity (`activity-mode="iframe"`).
 * @csspart clinician-notice - Apollo results: the clinical-review notice.
 * @csspart warnings - thymia's warnings about a result.
 * @csspart report - Apollo results: the clinical report's links and expiry.
 * @csspart report-link - Apollo results: a report link (view or PDF).
 * @csspart transcript - A call's transcript.
 * @csspart retry-button - Retries checking for results after a failure.
 * @csspart timer - Elapsed recording time.
 * @csspart level-meter - Live microphone level.
 * @csspart speech-meter - Progress toward the minimum speech.
 * @csspart progress - Upload progress bar (and the processing indicator).
 * @csspart results - The rendered results.
 * @csspart history - After a result with `history-url`: each reading against the person's baseline, the trend and a table.
 * @csspart error - Error and guidance messages.
 * @csspart restored - The offer to send (or discard) a recording an earlier page kept but never uploaded.
 * @csspart restore-upload-button - Sends a restored recording (it also carries `submit-button`).
 * @csspart discard-button - Discards a restored recording (it also carries `retake-button`).
 *
 * @cssproperty --thymia-accent - Primary colour (buttons, meters).
 * @cssproperty --thymia-on-accent - Text on the primary colour.
 * @cssproperty --thymia-surface - Background.
 * @cssproperty --thymia-text - Text colour.
 * @cssproperty --thymia-muted - Secondary text colour.
 * @cssproperty --thymia-track - Meter and bar track colour.
 * @cssproperty --thymia-speech - Speech meter colour.
 * @cssproperty --thymia-danger - Error colour.
 * @cssproperty --thymia-caution - Warning colour.
 * @cssproperty --thymia-radius - Corner radius.
 * @cssproperty --thymia-font - Font shorthand.
 */
export class ThymiaRecorder extends LitElement {
  static override styles = [recorderStyles];

  // Declared here rather than with decorators: the same reactive properties, at a fraction of the bundle bytes.
  static override properties = {
    model: { reflect: true },
    uploadUrl: { attribute: 'upload-url' },
    moodQuestionUploadUrl: { attribute: 'mood-question-upload-url' },
    readAloudUploadUrl: { attribute: 'read-aloud-upload-url' },
    statusUrl: { attribute: 'status-url' },
    sessionUrl: { attribute: 'session-url' },
    minSpeechSeconds: { attribute: 'min-speech-seconds', type: Number },
    maxSeconds: { attribute: 'max-seconds', type: Number },
    pollInterval: { attribute: 'poll-interval', type: Number },
    results: {},
    autoSubmit: { attribute: 'auto-submit', type: Boolean },
    lang: {},
    statusAdapter: { attribute: 'status-adapter' },
    storageKey: { attribute: 'storage-key' },
    statusRequestInit: { attribute: false },
    activityLink: { attribute: 'activity-link' },
    activityMode: { attribute: 'activity-mode' },
    follow: { type: Boolean },
    timing: { attribute: false },
    requireConsent: { attribute: 'require-consent', type: Boolean },
    askSleep: { attribute: 'ask-sleep', type: Boolean },
    audioBitsPerSecond: { attribute: 'audio-bits-per-second', type: Number },
    strings: { attribute: false },
    historyUrl: { attribute: 'history-url' },
    baselineSessions: { attribute: 'baseline-sessions', type: Number },
  };

  /** One recording (`helios`) or two (`apollo`: mood question, then read-aloud). */
  model: RecorderModel = 'helios';

  /** Helios: thymia's `recordingUploadUrl`. */
  uploadUrl?: string;

  /** Apollo: thymia's `uploadUrls.moodQuestionUploadUrl`. */
  moodQuestionUploadUrl?: string;

  /** Apollo: thymia's `uploadUrls.readAloudUploadUrl`. */
  readAloudUploadUrl?: string;

  /** Host endpoint polled with GET; proxies thymia's model run (or call) JSON. */
  statusUrl?: string;

  /** Host endpoint POSTed `{ model }` right before upload to mint fresh URLs; wins over static URLs. */
  sessionUrl?: string;

  /** Seconds of speech needed per recording (default 10 Helios, 15 Apollo). */
  minSpeechSeconds?: number;

  /** Recording stops by itself at this length. */
  maxSeconds = 180;

  /** Status polling period in milliseconds. */
  pollInterval = 3000;

  /**
   * How much of the result to render; events carry everything. Default
   * `full` for Helios and `none` for Apollo (Apollo results inside a
   * voice-agent call too). Apollo `summary` shows the two disorders only;
   * `full` adds every symptom and the report links.
   */
  results?: ResultsMode;

  /** Upload as soon as the (last) recording stops, without a review step. */
  autoSubmit = false;

  /** UI language (BCP 47); unset, the nearest `lang` up the tree, then `en`. */
  override lang = '';

  /** How to read the status response: a built-in adapter name or a function. */
  statusAdapter: string | StatusAdapter = 'thymia';

  /** Scopes the IndexedDB store that keeps recordings until their upload is confirmed. */
  storageKey?: string;

  /** Merged into every status and session `fetch` (e.g. an Authorization header). */
  statusRequestInit: RequestInit = {};

  /**
   * thymia's `activityLink` (Activity Plugin, or a voice-agent call without a
   * phone number): the person is handed off to it while `status-url` is polled.
   */
  activityLink?: string;

  /** How an activity link opens: `tab` (a link to a new tab, default) or `iframe` (embedded, microphone allowed). */
  activityMode: ActivityMode = 'tab';

  /**
   * Nothing to record here: poll `status-url` (or the status URL a
   * `session-url` mints) straight away and render what it answers, e.g. a
   * voice-agent call. Implied by `activity-link` and by the `synthflow` and
   * `thinnestai` adapters.
   */
  follow = false;

  /**
   * Retry and timeout tuning in milliseconds (upload backoff, stall
   * detection, status timeouts); see `ResilienceTiming`. The defaults suit
   * real networks; tests shorten them.
   */
  timing: Partial<ResilienceTiming> = {};

  /** `require-consent`: the person ticks a consent box before the microphone is asked for. */
  requireConsent = false;

  /** `ask-sleep`: before recording, asks when the person last fell asleep and woke up (optional for them). */
  askSleep = false;

  /** MediaRecorder bitrate; 64 kb/s mono Opus keeps the whole speech band at half the browser default. */
  audioBitsPerSecond = 64_000;

  /** Overrides any UI string by its id. */
  strings: MessageOverrides = {};

  /**
   * The host's history endpoint (the server half's `GET /history`): after a
   * Helios result (Apollo only under `results="full"`) the element shows
   * each reading against the person's own baseline, and their trend.
   */
  historyUrl?: string;

  /**
   * How many first sessions make the person's baseline (their median); 3
   * when unset (the default lives in the lazily loaded history view).
   */
  baselineSessions?: number;

  // Before the flow: the flow reads its answers (consent, sleep times) from the first settings on.
  readonly #preflight = new PreflightController(this, {
    storageKey: () => this.#settings.storageKey,
    useDevice: (deviceId) => (this.#flow.capture.deviceId = deviceId),
    onUnavailable: ({ code, reason }) => this.#flow.reportUnavailable(code, reason),
    onConsent: (detail) => this.#emit('thymia-consent', detail),
  });
  readonly #flow = new FlowController(this, {
    settings: () => this.#settings,
    t: () => this.#language.t,
    emit: (name, detail) => this.#emit(name, detail),
    // The result is rendered the moment it is announced: its views are loaded first.
    prepareOutcome: () => this.#views.load(),
    settled: () => this.updateComplete,
  });
  // English's first part covers a Helios page until Record; the rest comes with the first step beyond it.
  readonly #language = new LanguageController(
    this,
    () => this.#lang,
    () => this.strings,
    () => this.model === 'apollo' || isFollowing(this) || takeViewsNeeded(this.#takeViewsPage, this.state),
  );
  // A Helios page needs these once Record is pressed (fetched while the person speaks); Apollo and calls from the start.
  readonly #views = new LazyViewsController(
    this,
    () => import('./render/protocol-views.js'),
    () => this.model === 'apollo' || isFollowing(this) || this.state !== 'idle',
  );
  // Consent, sleep times, the microphone choice and the recorded take: only on pages (or at moments) that show them.
  readonly #takeViews = new LazyViewsController(
    this,
    () => import('./render/take-views.js'),
    () => takeViewsNeeded(this.#takeViewsPage, this.state),
  );
  // History: its fetch, view and styles come with the first result on a page with history-url.
  readonly #historyViews = new LazyViewsController(
    this,
    () => import('./render/history-views.js'),
    () => this.state == 'complete' && this.historyUrl,
  );
  readonly #announcer = new Announcer(this, () => this.#announcerReading, () => this.#language.t, () => this.#views.value?.announcementFor);
  readonly #actions: PanelActions = {
    start: () => void this.start(),
    stop: () => void this.stop(),
    submit: () => void this.submit(),
    reset: () => void this.reset(),
    next: () => void this.#flow.next(),
    continue: () => void this.#flow.continue(),
    pause: () => this.pause(),
    resume: () => void this.resume(),
    retake: (step) => void this.#flow.retake(step),
    undoRetake: () => this.#flow.undoRetake(),
    retryPoll: () => this.#flow.retryPoll(),
  };

  /** Listening back: its controller comes with the take views (none on a first load). */
  #playback: PlaybackController | undefined;

  constructor() {
    super();
    new FocusFollower(this);
  }

  get #playbackNow(): PlaybackController | undefined {
    const views = this.#takeViews.value;
    this.#playback ??= views && new views.PlaybackController(this, (step) => this.#flow.takeAudio(step));
    return this.#playback;
  }

  /**
   * Which screen is on show, for moving focus and the view to its title when it changes.
   * @internal
   */
  get screenKey(): string {
    const { machine, restoredOffer } = this.#flow.snapshot;
    const phase = machine.phase;
    return `${phase.name}:${currentStep(machine)}:${phase.name === 'recorded' ? String(phase.final) : ''}:${restoredOffer}`;
  }

  /** The lifecycle state, reflected to the `state` attribute for styling. */
  get state(): RecorderStateName {
    return this.#flow.state;
  }

  /** What decides whether the take views (and the strings they show) are wanted before Record. */
  get #takeViewsPage() {
    return { requireConsent: this.requireConsent, askSleep: this.askSleep, inputs: this.#preflight.inputs };
  }

  /** The language asked for: `lang`, else the nearest `lang` up the tree, else `en`. */
  get #lang(): string {
    return this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /** Asks for the microphone and starts recording the current step (not before consent, where required). */
  start(): Promise<void> {
    this.#preflight.settle();
    return this.#flow.start();
  }

  /** Stops recording. Too little speech pauses instead, so the person can continue. */
  stop(): Promise<void> {
    return this.#flow.stop();
  }

  /** Pauses the take being recorded: timer and speech count stop, the audio so far is kept. */
  pause(): void {
    this.#flow.pause();
  }

  /**
   * Carries a paused take on, into the same upload; after the microphone went
   * away, on another one (call it from a click: a fresh microphone may be asked for).
   */
  resume(): Promise<void> {
    return this.#flow.resume();
  }

  /** Uploads the recording(s) and waits for the upload to be confirmed; results follow by event. */
  submit(): Promise<void> {
    return this.#flow.submit();
  }

  /** Discards the recording(s) and returns to `idle`. */
  reset(): Promise<void> {
    return this.#flow.reset();
  }

  /** Deletes every recording this element's `storage-key` keeps (for sign-out). */
  async clearStoredRecordings(): Promise<void> {
    await this.#flow.clearStoredRecordings();
  }

  /**
   * The first render waits one task: defining, making and connecting the element (controllers, adopted styles)
   * is one task and the first render another, neither holding the main thread for long at 4× CPU.
   * `updateComplete` resolves after it as before.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.hasUpdated ? super.scheduleUpdate() : new Promise((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate());
  }

  /** `paused` follows the take (a pause, a resume, a take restored paused), for styling: `thymia-recorder[paused]`. */
  protected override willUpdate(): void {
    const reason = this.#flow.snapshot.paused?.reason;
    if (reason) this.setAttribute('paused', reason);
    else this.removeAttribute('paused');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('state')) this.setAttribute('state', this.state);
  }

  /** Also waits for a language or views still loading, so `await el.updateComplete` sees the finished render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let round = 0; round < 3 && (this.#views.pending || this.#takeViews.pending || this.#language.loading); round += 1) {
      await Promise.all([this.#language.settled(), this.#views.pending, this.#takeViews.pending]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  get #settings(): FlowSettings {
    const preflight = this.#preflight;
    return flowSettings(this, {
      consentAccepted: preflight.consentAccepted,
      sleepTime: toThymiaLocalTime(preflight.sleepInput),
      wakeTime: toThymiaLocalTime(preflight.wakeInput),
    });
  }

  get #announcerReading(): AnnouncerReading {
    const { machine } = this.#flow.snapshot;
    const capture = this.#flow.capture;
    return {
      state: machine.phase.name,
      enough: capture.speechSeconds >= this.#settings.minSpeechSeconds,
      take: machine.takes[currentStep(machine)],
      model: this.model,
      following: isFollowing(this),
      paused: this.#flow.snapshot.paused?.message,
    };
  }

  #emit<Name extends ThymiaEventName>(name: Name, detail: ThymiaEventDetails[Name]): void {
    if (name === 'thymia-state-change') this.setAttribute('state', (detail as ThymiaEventDetails['thymia-state-change']).state);
    // Microphone labels are only readable once permission is granted.
    if (name === 'thymia-recording-start') void this.#preflight.refreshDevices();
    this.dispatchEvent(new ThymiaEvent(name, detail));
  }

  /** The consent text shown: the host's slotted text, else the default. */
  get #consentText(): string {
    return consentTextShown(this.renderRoot.querySelector<HTMLSlotElement>('slot[name="consent"]'), this.#language.t('consentText'));
  }

  protected override render(): TemplateResult {
    const settings = this.#settings;
    const capture = this.#flow.capture;
    const preflight = this.#preflight;
    const t = this.#language.t;
    return html`${renderPanel({
      snapshot: this.#flow.snapshot,
      live: { elapsedSeconds: capture.elapsedSeconds, speechSeconds: capture.speechSeconds, level: capture.level },
      t,
      lang: this.#language.locale,
      model: this.model,
      minSpeechSeconds: settings.minSpeechSeconds,
      maxSeconds: settings.maxSeconds,
      following: settings.following,
      activityMode: this.activityMode,
      hostMode: hostResultsMode(this.results),
      isSent: (step) => this.#flow.isSent(step),
      actions: this.#actions,
      views: this.#views.value,
      takeViews: this.#takeViews.value,
      playback: this.#playbackNow,
      preflight: {
        requireConsent: this.requireConsent,
        consentAccepted: preflight.consentAccepted,
        // Asked for only where it shows: the consent text lives in the rest of English, fetched later.
        defaultConsentText: this.requireConsent ? t('consentText') : '',
        onConsent: (accepted) => preflight.setConsent(accepted, this.#consentText),
        askSleep: this.askSleep,
        sleepInput: preflight.sleepInput,
        wakeInput: preflight.wakeInput,
        onSleep: (value) => preflight.setSleep(value),
        onWake: (value) => preflight.setWake(value),
        inputs: preflight.inputs,
        selectedDevice: preflight.selectedDevice,
        onSelectDevice: (deviceId) => preflight.selectDevice(deviceId),
      },
    })}${this.#historyViews.value?.renderHistoryOf(this, this.#flow.snapshot.outcome, this.#language)}${this.#announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thymia-recorder': ThymiaRecorder;
  }
}
