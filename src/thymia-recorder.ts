import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { StatusAdapter } from './api/outcome.js';
import type { ResilienceTiming } from './api/timing.js';
import type { ThymiaEventDetails, ThymiaEventName } from './events.js';
import { ThymiaEvent } from './events.js';
import { FlowController, type FlowSettings } from './flow/flow-controller.js';
import {
  DEFAULT_MAX_SECONDS,
  DEFAULT_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  UPLOAD_URL_PROPERTY,
  minSpeechFor,
  stepsFor,
  type RecorderModel,
} from './flow/protocol.js';
import { translator, type Translate } from './i18n/messages.js';
import type { ActivityMode } from './render/activity-handoff.js';
import { FocusFollower } from './render/focus-follower.js';
import { LazyModule } from './render/lazy-module.js';
import { renderPanel, type PanelActions, type ProtocolViews } from './render/recording-panel.js';
import { hostResultsMode, type ResultsMode } from './render/results-mode.js';
import type { RecorderStateName, RecordingName } from './state/machine.js';
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
 *
 * @event thymia-state-change - `{ state, previous }` whenever `state` changes.
 * @event thymia-recording-start - `{ recording }` when capture starts or resumes.
 * @event thymia-recording-stop - `{ recording, durationSeconds, speechSeconds, mimeType, size }` when capture stops.
 * @event thymia-upload-progress - `{ recording, loaded, total }` while uploading.
 * @event thymia-upload-complete - `{ recording }` once the pre-signed URL accepted the audio.
 * @event thymia-upload-retry - `{ recording, attempt, delayMs, reason }` before an upload is retried.
 * @event thymia-status - `{ status, response }` on every understood status answer.
 * @event thymia-result - `{ model, modelRunId, results, warnings, response }` once, on completion.
 * @event thymia-error - `{ code, message, recoverable, errorCode? }`; `message` is fit to show.
 * @event thymia-restored - `{ recording, durationSeconds, speechSeconds, ageSeconds }` when a stored recording is found.
 *
 * @slot prompt - Replaces the default instructions, question or passage for the current recording.
 * @slot prompt-mood-question - Apollo: replaces the mood question only (wins over `prompt`).
 * @slot prompt-read-aloud - Apollo: replaces the read-aloud passage only (wins over `prompt`).
 *
 * @csspart prompt - The instructions / question / passage area.
 * @csspart record-button - Starts (or restarts) recording.
 * @csspart stop-button - Stops recording.
 * @csspart submit-button - Uploads the recording(s); enabled once there is enough speech.
 * @csspart retake-button - Discards the current recording and starts over.
 * @csspart continue-button - Resumes a recording stopped before it held enough speech.
 * @csspart next-button - Apollo: moves on from the mood question to the read-aloud once it holds enough speech.
 * @csspart steps - Apollo: the step indicator (an ordered list; the current step has `aria-current="step"`).
 * @csspart review - Apollo: both takes listed before submitting (and after a failed upload).
 * @csspart retake-take-button - Apollo: retakes one listed take (`data-recording` names it).
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

  /** One recording (`helios`) or two (`apollo`: mood question, then read-aloud). */
  @property({ reflect: true }) model: RecorderModel = 'helios';

  /** Helios: thymia's `recordingUploadUrl`. */
  @property({ attribute: 'upload-url' }) uploadUrl?: string;

  /** Apollo: thymia's `uploadUrls.moodQuestionUploadUrl`. */
  @property({ attribute: 'mood-question-upload-url' }) moodQuestionUploadUrl?: string;

  /** Apollo: thymia's `uploadUrls.readAloudUploadUrl`. */
  @property({ attribute: 'read-aloud-upload-url' }) readAloudUploadUrl?: string;

  /** Host endpoint polled with GET; proxies thymia's model run (or call) JSON. */
  @property({ attribute: 'status-url' }) statusUrl?: string;

  /** Host endpoint POSTed `{ model }` right before upload to mint fresh URLs; wins over static URLs. */
  @property({ attribute: 'session-url' }) sessionUrl?: string;

  /** Seconds of speech needed per recording (default 10 Helios, 15 Apollo). */
  @property({ attribute: 'min-speech-seconds', type: Number }) minSpeechSeconds?: number;

  /** Recording stops by itself at this length. */
  @property({ attribute: 'max-seconds', type: Number }) maxSeconds = 180;

  /** Status polling period in milliseconds. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 3000;

  /**
   * How much of the result to render; events carry everything. Default
   * `full` for Helios and `none` for Apollo (Apollo results inside a
   * voice-agent call too). Apollo `summary` shows the two disorders only;
   * `full` adds every symptom and the report links.
   */
  @property() results?: ResultsMode;

  /** Upload as soon as the (last) recording stops, without a review step. */
  @property({ attribute: 'auto-submit', type: Boolean }) autoSubmit = false;

  /** UI language (BCP 47); unset, the nearest `lang` up the tree, then `en`. */
  @property() override lang = '';

  /** How to read the status response: a built-in adapter name or a function. */
  @property({ attribute: 'status-adapter' }) statusAdapter: string | StatusAdapter = 'thymia';

  /** Scopes the IndexedDB store that keeps recordings until their upload is confirmed. */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** Merged into every status and session `fetch` (e.g. an Authorization header). */
  @property({ attribute: false }) statusRequestInit: RequestInit = {};

  /**
   * thymia's `activityLink` (Activity Plugin, or a voice-agent call without a
   * phone number): the person is handed off to it while `status-url` is polled.
   */
  @property({ attribute: 'activity-link' }) activityLink?: string;

  /** How an activity link opens: `tab` (a link to a new tab, default) or `iframe` (embedded, microphone allowed). */
  @property({ attribute: 'activity-mode' }) activityMode: ActivityMode = 'tab';

  /**
   * Nothing to record here: poll `status-url` (or the status URL a
   * `session-url` mints) straight away and render what it answers, e.g. a
   * voice-agent call. Implied by `activity-link` and by the `synthflow` and
   * `thinnestai` adapters.
   */
  @property({ type: Boolean }) follow = false;

  /**
   * Retry and timeout tuning in milliseconds (upload backoff, stall
   * detection, status timeouts); see `ResilienceTiming`. The defaults suit
   * real networks; tests shorten them.
   */
  @property({ attribute: false }) timing: Partial<ResilienceTiming> = {};

  readonly #flow = new FlowController(this, {
    settings: () => this.#settings,
    t: () => this.#t,
    emit: (name, detail) => this.#emit(name, detail),
    // The result is rendered the moment it is announced: its views are loaded first.
    prepareOutcome: () => this.#loadViews(),
  });
  readonly #views = new LazyModule<ProtocolViews>(() => import('./render/protocol-views.js'));
  readonly #actions: PanelActions = {
    start: () => void this.start(),
    stop: () => void this.stop(),
    submit: () => void this.submit(),
    reset: () => void this.reset(),
    next: () => void this.#flow.next(),
    continue: () => this.#flow.continue(),
    retake: (step) => void this.#flow.retake(step),
    retryPoll: () => this.#flow.retryPoll(),
  };

  constructor() {
    super();
    new FocusFollower(this);
  }

  /** The lifecycle state, reflected to the `state` attribute for styling. */
  get state(): RecorderStateName {
    return this.#flow.state;
  }

  /** Asks for the microphone and starts recording the current step. */
  start(): Promise<void> {
    return this.#flow.start();
  }

  /** Stops recording. Too little speech pauses instead, so the person can continue. */
  stop(): Promise<void> {
    return this.#flow.stop();
  }

  /** Uploads the recording(s) and waits for the upload to be confirmed; results follow by event. */
  submit(): Promise<void> {
    return this.#flow.submit();
  }

  /** Discards the recording(s) and returns to `idle`. */
  reset(): Promise<void> {
    return this.#flow.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('state')) this.setAttribute('state', this.state);
  }

  protected override willUpdate(): void {
    // A Helios page needs these only once the recording is on its way; everything else from the start.
    const state = this.state;
    if (this.model === 'apollo' || this.#following || state === 'uploading' || state === 'processing' || state === 'complete') void this.#loadViews();
  }

  /** Also waits for views still loading, so `await el.updateComplete` sees the finished render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    if (this.#views.pending && !this.#views.value) {
      // A chunk that failed to load leaves the render as it is rather than failing the host's await.
      await this.#views.pending.catch(() => undefined);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #loadViews(): Promise<unknown> {
    if (this.#views.pending) return this.#views.pending;
    return this.#views.load().then((views) => {
      // Adopted next to the base sheet: constructable stylesheets keep strict CSPs happy.
      const root = this.renderRoot;
      const sheet = views.protocolStyles.styleSheet;
      if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.requestUpdate();
    });
  }

  get #lang(): string {
    return this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  get #t(): Translate {
    return translator(this.#lang);
  }

  /** Nothing to record: follow a call, or an activity done elsewhere. */
  get #following(): boolean {
    return this.follow || !!this.activityLink || this.statusAdapter === 'synthflow' || this.statusAdapter === 'thinnestai';
  }

  get #settings(): FlowSettings {
    const steps = stepsFor(this.model);
    const uploadUrls: Partial<Record<RecordingName, string>> = {};
    for (const step of steps) uploadUrls[step] = this[UPLOAD_URL_PROPERTY[step]] || undefined;
    return {
      model: this.model,
      steps,
      minSpeechSeconds: minSpeechFor(this.model, this.minSpeechSeconds),
      maxSeconds: this.maxSeconds > 0 ? this.maxSeconds : DEFAULT_MAX_SECONDS,
      pollIntervalMs: Math.max(MIN_POLL_INTERVAL_MS, this.pollInterval || DEFAULT_POLL_INTERVAL_MS),
      autoSubmit: this.autoSubmit,
      following: this.#following,
      statusUrl: this.statusUrl,
      sessionUrl: this.sessionUrl,
      activityLink: this.activityLink,
      uploadUrls,
      requestInit: this.statusRequestInit,
      statusAdapter: this.statusAdapter,
      timing: this.timing,
      storageKey: this.storageKey || `thymia-recorder:${this.model}`,
      sleepTime: undefined,
      wakeTime: undefined,
    };
  }

  #emit<Name extends ThymiaEventName>(name: Name, detail: ThymiaEventDetails[Name]): void {
    if (name === 'thymia-state-change') this.setAttribute('state', (detail as ThymiaEventDetails['thymia-state-change']).state);
    this.dispatchEvent(new ThymiaEvent(name, detail));
  }

  protected override render(): TemplateResult {
    const settings = this.#settings;
    const capture = this.#flow.capture;
    return html`${renderPanel({
      snapshot: this.#flow.snapshot,
      live: { elapsedSeconds: capture.elapsedSeconds, speechSeconds: capture.speechSeconds, level: capture.level },
      t: this.#t,
      lang: this.#lang,
      model: this.model,
      minSpeechSeconds: settings.minSpeechSeconds,
      maxSeconds: settings.maxSeconds,
      following: settings.following,
      activityMode: this.activityMode,
      hostMode: hostResultsMode(this.results),
      isSent: (step) => this.#flow.isSent(step),
      actions: this.#actions,
      views: this.#views.value,
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thymia-recorder': ThymiaRecorder;
  }
}
