import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state as internalState } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { pollStatus } from './api/poller.js';
import { STATUS_ADAPTERS, type ResultView, type StatusAdapter, type StatusOutcome } from './api/status.js';
import { resolveTiming, type ResilienceTiming } from './api/timing.js';
import { deliverTakes, isHandoff, mintDestination, type DeliverableTake, type Destination } from './api/submission.js';
import { CaptureController, type CaptureResult } from './capture/capture-controller.js';
import { PersistenceController } from './storage/persistence-controller.js';
import { isCaptureSupported } from './capture/microphone.js';
import { ERROR_CODES, RecorderError, type ErrorCode, type RecorderErrorDetail } from './errors.js';
import { ThymiaEvent, type ThymiaEventDetails, type ThymiaEventName } from './events.js';
import { formatClock, translator, type MessageKey, type Translate } from './i18n/messages.js';
import { renderActivityHandoff, renderFollowStatus, type ActivityMode } from './render/activity-handoff.js';
import { renderApolloPrompt, renderStepIndicator, renderTakesReview } from './render/apollo-steps.js';
import type { ResultsMode } from './render/helios-results.js';
import { protocolStyles } from './render/protocol-styles.js';
import { renderResultViews } from './render/result-views.js';
import {
  currentStep,
  hasNextStep,
  initialState,
  readyToSubmit,
  transition,
  type MachineEvent,
  type MachineState,
  type RecorderStateName,
  type RecordingName,
  type RetryAction,
} from './state/machine.js';
import { planRestore } from './state/restore-plan.js';
import type { RecoverableRecording } from './storage/restore.js';
import { recorderStyles } from './styles.js';

export type RecorderModel = 'helios' | 'apollo';

const STEPS: Record<RecorderModel, readonly RecordingName[]> = {
  helios: ['main'],
  apollo: ['moodQuestion', 'readAloud'],
};
const DEFAULT_MIN_SPEECH: Record<RecorderModel, number> = { helios: 10, apollo: 15 };
const UPLOAD_URL_PROPERTY = {
  main: 'uploadUrl',
  moodQuestion: 'moodQuestionUploadUrl',
  readAloud: 'readAloudUploadUrl',
} as const satisfies Record<RecordingName, string>;

interface Take extends CaptureResult, DeliverableTake {}

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
  static override styles = [recorderStyles, protocolStyles];

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

  @internalState() private machine: MachineState = initialState(STEPS.helios);
  @internalState() private uploadLoaded = 0;
  @internalState() private uploadTotal = 0;
  @internalState() private uploadRetrying = false;
  @internalState() private notice: RecorderErrorDetail | undefined;
  @internalState() private views: readonly ResultView[] = [];
  @internalState() private warnings: readonly string[] = [];
  /** An activity the person was handed off to (from `activity-link` or the session). */
  @internalState() private handoffLink: string | undefined;
  /** The latest status string, shown while following a call. */
  @internalState() private lastStatus: string | undefined;
  /** The takes on show came from storage, not from this page: offer upload or discard. */
  @internalState() private restoredOffer = false;

  readonly #capture = new CaptureController(this, {
    onMaxReached: () => void this.#stopCapture('max'),
    onTrackEnded: () => void this.#stopCapture('mic-lost'),
    onChunk: (chunk) =>
      this.#persistence.appendChunk(chunk, {
        mimeType: this.#capture.mimeType,
        durationSeconds: this.#capture.elapsedSeconds,
        speechSeconds: this.#capture.speechSeconds,
      }),
  });
  readonly #takes = new Map<RecordingName, Take>();
  readonly #persistence = new PersistenceController(this, {
    storageKey: () => this.storageKey || `thymia-recorder:${this.model}`,
    model: () => this.model,
    steps: () => this.#steps,
    onRestore: (found) => this.#restore(found),
    onStorageFailed: () => this.#inform(ERROR_CODES.storageFailed, this.#t('storage-failed')),
  });
  #work: AbortController | undefined;
  #stopping: Promise<void> | undefined;
  /** The control that last had focus, so a render that removes or disables it can move focus on. */
  #focusedControl: HTMLElement | undefined;
  #destination: Destination | undefined;
  #resultEmitted = false;

  /** The lifecycle state, reflected to the `state` attribute for styling. */
  get state(): RecorderStateName {
    return this.machine.phase.name;
  }

  get #steps(): readonly RecordingName[] {
    return STEPS[this.model] ?? STEPS.helios;
  }

  get #minSpeech(): number {
    const value = this.minSpeechSeconds;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MIN_SPEECH[this.model] ?? 10;
  }

  /**
   * The host's `results`; unset leaves each view its default (`none` for
   * Apollo results wherever they appear, `full` otherwise), and an Apollo
   * element shows no scores at all by default.
   */
  get #resultsMode(): ResultsMode | undefined {
    if (this.results === 'full' || this.results === 'summary' || this.results === 'none') return this.results;
    return this.model === 'apollo' ? 'none' : undefined;
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('state')) this.setAttribute('state', this.state);
    // TTL purge and the restore lookup run in the PersistenceController.
    // Reattached mid-processing (moved in the DOM): pick the polling back up.
    if (this.state === 'processing' && !this.#work) void this.#poll();
    // Reattached mid-upload: the upload was aborted on disconnect; start it again.
    if (this.state === 'uploading' && !this.#work) void this.#upload();
    // Reattached mid-capture: the microphone was released on disconnect and the
    // take lives on only in storage; start over from there, as a reload would.
    const phase = this.machine.phase;
    const captureLost = phase.name === 'recording' || phase.name === 'requesting-permission' || (phase.name === 'recorded' && !phase.final);
    if (captureLost && !this.#capture.active) {
      this.#takes.clear();
      this.#apply({ type: 'reset' });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#work?.abort(new DOMException('disconnected', 'AbortError'));
    this.#work = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A control that had focus may vanish with the state (Record becomes Stop): remember to move focus on.
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) this.#focusedControl = active;
    if (changed.has('model') && this.machine.steps !== this.#steps && this.state === 'idle') {
      this.machine = initialState(this.#steps);
    }
    this.#capture.maxSeconds = this.maxSeconds > 0 ? this.maxSeconds : 180;
    // Following needs no click: start once there is somewhere to poll.
    if (this.#following && this.state === 'idle' && !this.#work && (this.statusUrl || this.sessionUrl)) void this.#startFollowing();
    // A storage key given after connecting scopes a different store: look there too.
    if (this.hasUpdated && changed.has('storageKey') && this.state === 'idle' && !this.#takes.size) void this.#persistence.lookup();
  }

  protected override updated(): void {
    const last = this.#focusedControl;
    if (!last || this.shadowRoot?.activeElement) return;
    // Still there and usable: the person moved focus away themselves, so leave it be.
    if (last.isConnected && !(last as HTMLButtonElement).disabled) {
      this.#focusedControl = undefined;
      return;
    }
    // Our render removed or disabled it (Record became Stop): focus the next thing to press, once there is one.
    const next =
      this.renderRoot.querySelector<HTMLElement>('.controls button.primary:not([disabled])') ??
      this.renderRoot.querySelector<HTMLElement>('.controls button:not([disabled])');
    if (next) {
      next.focus();
      this.#focusedControl = next;
    }
  }

  // ── Public methods ───────────────────────────────────────────────────

  /** Asks for the microphone and starts recording the current step. */
  start(): Promise<void> {
    if (this.state === 'error' && this.notice?.code === ERROR_CODES.modelError) this.#apply({ type: 'reset' });
    if (this.state !== 'idle' && !(this.state === 'error' && this.#retry === 'record')) return Promise.resolve();
    if (!isCaptureSupported()) {
      this.#fail(new RecorderError(ERROR_CODES.unsupportedBrowser, 'unsupported'), 'none');
      return Promise.resolve();
    }
    // getUserMedia runs synchronously here, inside the caller's click.
    const begun = this.#capture.begin();
    this.#persistence.beginTake(currentStep(this.machine));
    this.restoredOffer = false;
    this.notice = undefined;
    this.#apply({ type: 'start' });
    return begun.then(
      () => {
        if (this.state !== 'requesting-permission') return;
        this.#apply({ type: 'permission-granted' });
        this.#emit('thymia-recording-start', { recording: currentStep(this.machine) });
      },
      (error: unknown) => this.#fail(error, 'record'),
    );
  }

  /** Stops recording. Too little speech pauses instead, so the person can continue. */
  stop(): Promise<void> {
    return this.#stopCapture('user');
  }

  /** Uploads the recording(s) and waits for the upload to be confirmed; results follow by event. */
  async submit(): Promise<void> {
    if (this.state === 'recording') await this.#stopCapture('user');
    if (this.state === 'recorded' && !readyToSubmit(this.machine)) return;
    const before = this.machine;
    this.#apply({ type: 'submit' });
    if (this.machine === before) return;
    this.notice = undefined;
    this.restoredOffer = false;
    await this.#upload();
  }

  /** Discards the recording(s) and returns to `idle`. */
  async reset(): Promise<void> {
    this.#work?.abort(new DOMException('reset', 'AbortError'));
    this.#work = undefined;
    this.#capture.release();
    // Storage writes are queued per key, so forgetting after the state change cannot race a new take.
    const forgotten = this.#persistence.forget(this.#steps);
    this.restoredOffer = false;
    this.#takes.clear();
    this.#destination = undefined;
    this.#resultEmitted = false;
    this.notice = undefined;
    this.views = [];
    this.warnings = [];
    this.handoffLink = this.lastStatus = undefined;
    this.uploadLoaded = this.uploadTotal = 0;
    this.#apply({ type: 'reset' });
    await forgotten;
  }

  // ── Capture ──────────────────────────────────────────────────────────

  async #stopCapture(reason: 'user' | 'max' | 'mic-lost'): Promise<void> {
    // Stop, the limit and a lost track can all arrive while the recorder drains its last chunk.
    if (this.#stopping) return this.#stopping;
    this.#stopping = this.#stopCaptureOnce(reason).finally(() => (this.#stopping = undefined));
    return this.#stopping;
  }

  async #stopCaptureOnce(reason: 'user' | 'max' | 'mic-lost'): Promise<void> {
    const phase = this.machine.phase;
    // A microphone lost while paused ends the take too: it can no longer be continued.
    const pausedTakeLost = reason === 'mic-lost' && phase.name === 'recorded' && !phase.final && this.#capture.active;
    if (this.state !== 'recording' && !pausedTakeLost) return;
    const recording = currentStep(this.machine);
    const min = this.#minSpeech;
    const speechSeconds = this.#capture.speechSeconds;
    const enough = speechSeconds >= min;
    if (reason === 'user' && !enough) {
      const durationSeconds = this.#capture.elapsedSeconds;
      this.#capture.pause();
      this.#apply({ type: 'stopped', final: false, take: { durationSeconds, speechSeconds, enough } });
      this.#emit('thymia-recording-stop', {
        recording,
        durationSeconds,
        speechSeconds,
        mimeType: this.#capture.mimeType,
        size: this.#capture.size,
      });
      this.#inform(ERROR_CODES.tooShort, this.#t('stoppedTooEarly', { speech: Math.floor(speechSeconds), min }));
      return;
    }
    const take = await this.#capture.finish();
    this.#takes.set(recording, { ...take, recording });
    this.#apply({ type: 'stopped', final: true, take: { durationSeconds: take.durationSeconds, speechSeconds: take.speechSeconds, enough } });
    this.#emit('thymia-recording-stop', {
      recording,
      durationSeconds: take.durationSeconds,
      speechSeconds: take.speechSeconds,
      mimeType: take.mimeType,
      size: take.blob.size,
    });
    void this.#persistence.keep(recording, take);
    if (reason === 'mic-lost') {
      this.#inform(ERROR_CODES.micLost, this.#t('mic-lost'));
    } else if (reason === 'max' && !enough) {
      this.#inform(ERROR_CODES.tooShort, this.#t('autoStoppedTooShort', { max: formatClock(this.maxSeconds), speech: Math.floor(take.speechSeconds) }));
    }
    if (this.autoSubmit && enough) {
      // A retaken earlier step may complete the set: submit rather than revisit a recorded step.
      if (readyToSubmit(this.machine)) await this.submit();
      else if (hasNextStep(this.machine)) this.#apply({ type: 'next-step' });
    }
  }

  /** Offers back recordings an earlier page kept but never got uploaded. */
  #restore(found: readonly RecoverableRecording[]): void {
    if (this.state !== 'idle' || this.#takes.size) return;
    const plan = planRestore(found, this.#steps, this.#minSpeech);
    const before = this.machine;
    this.#apply({ type: 'restored', takes: plan.summaries });
    if (this.machine === before) return;
    for (const take of plan.takes) this.#takes.set(take.recording, { ...take });
    this.restoredOffer = true;
    for (const detail of plan.details) this.#emit('thymia-restored', detail);
    if (this.autoSubmit && readyToSubmit(this.machine)) void this.submit();
  }

  #continue(): void {
    if (this.state !== 'recorded') return;
    this.notice = undefined;
    this.#capture.resume();
    this.#apply({ type: 'continue' });
    this.#emit('thymia-recording-start', { recording: currentStep(this.machine) });
  }

  async #retake(step?: RecordingName): Promise<void> {
    const recording = step ?? currentStep(this.machine);
    this.#capture.release();
    this.#takes.delete(recording);
    await this.#persistence.forget([recording]);
    this.notice = undefined;
    this.restoredOffer = false;
    this.#apply({ type: 'retake', step: recording });
  }

  // ── Upload and polling ───────────────────────────────────────────────

  /** The URLs the host set as attributes. */
  #staticDestination(): Destination {
    const uploadUrls: Partial<Record<RecordingName, string>> = {};
    for (const step of this.#steps) uploadUrls[step] = this[UPLOAD_URL_PROPERTY[step]] || undefined;
    return { statusUrl: this.statusUrl ?? '', uploadUrls };
  }

  async #upload(): Promise<void> {
    this.#work?.abort();
    const work = new AbortController();
    this.#work = work;
    const takes = this.#steps.map((step) => this.#takes.get(step)).filter((take): take is Take => !!take);
    this.uploadTotal = takes.reduce((total, take) => total + take.blob.size, 0);
    this.uploadLoaded = 0;
    try {
      const destination = await deliverTakes({
        steps: this.#steps,
        takes,
        staticDestination: this.#staticDestination(),
        session: this.sessionUrl ? { url: this.sessionUrl, model: this.model, init: this.statusRequestInit } : undefined,
        signal: work.signal,
        timing: resolveTiming(this.timing),
        onProgress: (recording, loaded, total, overall) => {
          this.uploadRetrying = false;
          this.uploadLoaded = overall.loaded;
          this.uploadTotal = overall.total;
          this.#emit('thymia-upload-progress', { recording, loaded, total });
        },
        onRetry: (recording, attempt, delayMs, reason) => {
          this.uploadRetrying = true;
          this.#emit('thymia-upload-retry', { recording, attempt, delayMs, reason });
        },
        onDelivered: async (recording, url) => {
          this.uploadRetrying = false;
          await this.#persistence.markUploaded(recording, url);
          this.#emit('thymia-upload-complete', { recording });
        },
      });
      this.#destination = destination;
      // Hand-off: the host chose an activity over upload, so the takes have nowhere to go.
      if (isHandoff(destination, this.#steps)) this.handoffLink = destination.activityLink;
      // Every recording is confirmed (or has nowhere to go): nothing left worth keeping or offering back.
      await this.#persistence.forget(this.#steps);
      this.#apply({ type: 'uploaded' });
    } catch (error) {
      if (work.signal.aborted) return;
      this.#fail(error, 'submit');
      return;
    } finally {
      if (this.#work === work) this.#work = undefined;
    }
    void this.#poll();
  }

  /**
   * Follows a call or an activity: nothing is recorded here. A `session-url`
   * is asked once for the status URL (and maybe an activity link) first.
   */
  async #startFollowing(): Promise<void> {
    if (this.#work) return;
    this.#apply({ type: 'follow' });
    if (this.sessionUrl && !this.#destination) {
      const work = new AbortController();
      this.#work = work;
      try {
        const minted = await mintDestination({ url: this.sessionUrl, model: this.model, init: this.statusRequestInit }, work.signal);
        this.#destination = { ...minted, uploadUrls: {} };
      } catch (error) {
        if (work.signal.aborted) return;
        // Nothing was recorded, so "could not be sent" would mislead: report it as a status failure.
        const missing = error instanceof RecorderError && error.code === ERROR_CODES.missingConfig;
        this.#fail(missing ? error : new RecorderError(ERROR_CODES.statusFailed, 'session failed', { cause: error }), 'poll');
        return;
      } finally {
        if (this.#work === work) this.#work = undefined;
      }
    }
    this.handoffLink = this.#destination?.activityLink ?? this.activityLink;
    await this.#poll();
  }

  get #adapter(): StatusAdapter {
    const adapter = this.statusAdapter;
    if (typeof adapter === 'function') return adapter;
    return STATUS_ADAPTERS[adapter] ?? STATUS_ADAPTERS.thymia;
  }

  async #poll(): Promise<void> {
    const statusUrl = this.#destination?.statusUrl || this.statusUrl;
    if (!statusUrl) {
      this.#fail(new RecorderError(ERROR_CODES.missingConfig, 'missing statusUrl'), 'poll');
      return;
    }
    this.#work?.abort();
    const work = new AbortController();
    this.#work = work;
    const timing = resolveTiming(this.timing);
    try {
      const outcome = await pollStatus({
        url: statusUrl,
        init: this.statusRequestInit,
        intervalMs: Math.max(100, this.pollInterval || 3000),
        adapter: this.#adapter,
        context: { model: this.model },
        signal: work.signal,
        requestTimeoutMs: timing.statusTimeoutMs,
        maxBackoffMs: timing.statusRetryMaxMs,
        maxMalformed: timing.statusMaxMalformed,
        onStatus: (status) => {
          this.lastStatus = status.status;
          this.#emit('thymia-status', { status: status.status, response: status.response });
        },
      });
      this.#finish(outcome);
    } catch (error) {
      if (work.signal.aborted) return;
      const code = error instanceof RecorderError ? error.code : ERROR_CODES.statusFailed;
      this.#fail(error, code === ERROR_CODES.dataDeleted ? 'none' : 'poll');
    } finally {
      if (this.#work === work) this.#work = undefined;
    }
  }

  #finish(outcome: StatusOutcome): void {
    if (outcome.phase === 'complete') {
      if (this.#resultEmitted) return;
      this.#resultEmitted = true;
      this.views = outcome.views;
      this.warnings = outcome.warnings;
      this.#apply({ type: 'completed' });
      this.#emit('thymia-result', {
        model: outcome.model,
        modelRunId: outcome.modelRunId,
        results: outcome.results,
        warnings: outcome.warnings,
        response: outcome.response,
      });
    } else if (outcome.phase === 'failed') {
      const errorCode = outcome.errorCode;
      const key = outcome.messageKey ?? errorCode;
      const known = key && (this.#t(key as MessageKey) as string | undefined);
      if (outcome.code === ERROR_CODES.dataDeleted) {
        this.#fail(new RecorderError(ERROR_CODES.dataDeleted, 'deleted', { errorCode }), 'none');
        return;
      }
      // A failed call or activity cannot be redone from here; the host starts a new one.
      this.#fail(
        new RecorderError(ERROR_CODES.modelError, known || this.#t('modelErrorUnknown'), { errorCode }),
        this.#following ? 'none' : 'record',
      );
    }
  }

  // ── State, events, errors ────────────────────────────────────────────

  get #retry(): RetryAction | undefined {
    const phase = this.machine.phase;
    return phase.name === 'error' ? phase.retry : undefined;
  }

  #apply(event: MachineEvent): void {
    const previous = this.state;
    const next = transition(this.machine, event);
    if (next === this.machine) return;
    this.machine = next;
    if (next.phase.name !== previous) {
      this.setAttribute('state', next.phase.name);
      this.#emit('thymia-state-change', { state: next.phase.name, previous });
    }
  }

  #emit<Name extends ThymiaEventName>(name: Name, detail: ThymiaEventDetails[Name]): void {
    this.dispatchEvent(new ThymiaEvent(name, detail));
  }

  #emitError(detail: RecorderErrorDetail): void {
    this.#emit('thymia-error', detail);
  }

  /** Reports an error that does not leave the current state (guidance, kept audio). */
  #inform(code: ErrorCode, message: string): void {
    const detail: RecorderErrorDetail = { code, message, recoverable: true };
    this.notice = detail;
    this.#emitError(detail);
  }

  #fail(error: unknown, retry: RetryAction): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const code = error instanceof RecorderError ? error.code : ERROR_CODES.uploadFailed;
    const errorCode = error instanceof RecorderError ? error.extra.errorCode : undefined;
    // model-error carries its translated advice; every other code maps to its own message.
    const message = code === ERROR_CODES.modelError && error instanceof RecorderError ? error.message : this.#t(code);
    const recoverable = retry !== 'none';
    const detail: RecorderErrorDetail = errorCode ? { code, message, recoverable, errorCode } : { code, message, recoverable };
    if (retry === 'record' && code !== ERROR_CODES.modelError) this.#capture.release();
    this.notice = detail;
    this.#apply({ type: 'failed', error: detail, retry });
    this.#emitError(detail);
  }

  // ── Rendering ────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const t = this.#t;
    const phase = this.machine.phase.name;
    return html`
      ${this.#renderSteps(t)}
      ${phase === 'complete' || phase === 'processing' || phase === 'uploading' ? nothing : this.#renderPrompt(t)}
      ${this.#renderBody(t)}
      ${this.notice ? this.#renderNotice() : nothing}
      <div class="controls">${this.#renderControls(t)}</div>
    `;
  }

  #renderSteps(t: Translate): TemplateResult | typeof nothing {
    const { steps, takes, phase } = this.machine;
    if (steps.length < 2 || phase.name === 'uploading' || phase.name === 'processing' || phase.name === 'complete') return nothing;
    return renderStepIndicator(steps, currentStep(this.machine), takes, t);
  }

  #renderPrompt(t: Translate): TemplateResult | typeof nothing {
    if (this.#following) return nothing;
    if (this.machine.steps.length > 1) return renderApolloPrompt(currentStep(this.machine), t, this.#minSpeech);
    return html`<div part="prompt"><slot name="prompt"><p>${t('instructionsHelios')}</p></slot></div>`;
  }

  /** Apollo: both takes listed, each retakeable, once both are in (and after a failed upload). */
  #renderReview(t: Translate): TemplateResult | typeof nothing {
    if (this.machine.steps.length < 2 || !readyToSubmit(this.machine)) return nothing;
    // "Sent" only where a retry will skip the take: a session-url re-mints, and everything goes to the new run.
    const takes = this.machine.steps.map((step) => {
      const url = this.sessionUrl ? undefined : this[UPLOAD_URL_PROPERTY[step]];
      return { step, take: this.machine.takes[step]!, sent: !!url && this.#takes.get(step)?.uploadedTo === url };
    });
    return renderTakesReview(takes, t, (step) => void this.#retake(step));
  }

  /** Following a call or handed off to an activity: what is happening, instead of "analysing". */
  #renderFollowing(t: Translate): TemplateResult {
    return html`${this.handoffLink ? renderActivityHandoff(this.handoffLink, this.activityMode === 'iframe' ? 'iframe' : 'tab', t) : nothing}
      ${renderFollowStatus(this.lastStatus, t)}
      <progress part="progress" aria-label=${t('followWaiting')}></progress>`;
  }

  #renderNotice(): TemplateResult {
    const notice = this.notice!;
    const tone = notice.code === ERROR_CODES.tooShort || (this.state === 'recorded' && notice.recoverable) ? 'info' : 'error';
    return html`<div part="error" role="alert" data-code=${notice.code} data-tone=${tone}>${notice.message}</div>`;
  }

  #speechMeter(t: Translate, speechSeconds: number): TemplateResult {
    const min = this.#minSpeech;
    const ratio = min > 0 ? Math.min(1, speechSeconds / min) : 1;
    const remaining = Math.max(0, Math.ceil(min - speechSeconds));
    return html`
      <span
        part="speech-meter"
        role="progressbar"
        aria-label=${t('speechProgress', { speech: Math.floor(speechSeconds), min })}
        aria-valuemin="0"
        aria-valuemax=${min}
        aria-valuenow=${Math.min(min, Math.floor(speechSeconds))}
        data-speech-seconds=${speechSeconds.toFixed(1)}
        ><span class="meter-fill" style=${styleMap({ '--value': String(ratio) })}></span
      ></span>
      <p class="hint" aria-live="polite">
        ${t('speechProgress', { speech: Math.floor(speechSeconds), min })} —
        ${remaining > 0 ? t('speechNeedMore', { remaining }) : t('speechEnough')}
      </p>
    `;
  }

  #renderBody(t: Translate): TemplateResult | typeof nothing {
    const phase = this.machine.phase;
    switch (phase.name) {
      case 'requesting-permission':
        return html`<p class="hint" role="status">${t('requestingPermission')}</p>`;
      case 'recording': {
        const capture = this.#capture;
        return html`<div class="live">
          <span part="timer" role="timer" aria-label=${t('timer')}
            ><span class="recording-dot" aria-hidden="true"></span>${formatClock(capture.elapsedSeconds)} /
            ${formatClock(this.maxSeconds)}</span
          >
          <span part="level-meter" role="meter" aria-label=${t('levelMeter')} aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=${Math.round(capture.level * 100)}
            ><span class="meter-fill" style=${styleMap({ '--value': String(capture.level) })}></span
          ></span>
          ${this.#speechMeter(t, capture.speechSeconds)}
        </div>`;
      }
      case 'recorded': {
        const take = this.machine.takes[currentStep(this.machine)];
        if (!take) return nothing;
        const values = { duration: formatClock(take.durationSeconds), speech: Math.floor(take.speechSeconds) };
        return html`${this.restoredOffer
            ? html`<p class="hint" part="restored" role="status">${take.enough ? t('restoredOffer', values) : t('restoredTooShort', values)}</p>`
            : nothing}<div class="live">
          <span part="timer" role="timer" aria-label=${t('timer')}>${formatClock(take.durationSeconds)}</span>
          ${this.#speechMeter(t, take.speechSeconds)}
        </div>${this.#renderReview(t)}`;
      }
      case 'uploading':
        return html`<p class="hint" role="status">${this.uploadRetrying ? t('uploadRetrying') : t(this.machine.steps.length > 1 ? 'uploadingApollo' : 'uploading')}</p>
          <progress part="progress" aria-label=${t('uploadProgress')} max=${Math.max(1, this.uploadTotal)} value=${this.uploadLoaded}></progress>`;
      case 'processing':
        if (this.#following || this.handoffLink) return this.#renderFollowing(t);
        return html`<p class="hint" role="status">${t(this.machine.steps.length > 1 ? 'processingApollo' : 'processing')}</p>
          <progress part="progress" aria-label=${t('processing')}></progress>`;
      case 'complete':
        return html`<section part="results" aria-live="polite">${this.#renderViews(t)}</section>`;
      case 'error':
        // A failed upload keeps both takes: show which already went, each still retakeable.
        return phase.retry === 'submit' ? this.#renderReview(t) : nothing;
      default:
        return nothing;
    }
  }

  #renderViews(t: Translate): TemplateResult[] {
    return renderResultViews(this.views, { t, lang: this.#lang, explicitMode: this.#resultsMode, warnings: this.warnings });
  }

  #button(part: string, label: string, onClick: () => void, options: { primary?: boolean; disabled?: boolean } = {}) {
    return html`<button type="button" part=${part} class=${options.primary ? 'primary' : ''} ?disabled=${options.disabled ?? false} @click=${onClick}>
      ${label}
    </button>`;
  }

  #renderControls(t: Translate): TemplateResult | typeof nothing {
    const phase = this.machine.phase;
    const ready = readyToSubmit(this.machine);
    switch (phase.name) {
      case 'idle':
        if (this.#following) return nothing;
        return this.#button('record-button', t('record'), () => void this.start(), { primary: true });
      case 'requesting-permission':
        return this.#button('record-button', t('record'), () => undefined, { primary: true, disabled: true });
      case 'recording': {
        const enough = this.#capture.speechSeconds >= this.#minSpeech;
        const current = currentStep(this.machine);
        const lastNeeded = this.machine.steps.every((step) => step === current || this.machine.takes[step]?.enough);
        return html`${this.#button('stop-button', t('stop'), () => void this.stop(), { primary: !enough })}
        ${lastNeeded
          ? this.#button('submit-button', t('finishAndSubmit'), () => void this.submit(), { primary: enough, disabled: !enough })
          : this.#button('next-button', t('finishAndNext'), () => void this.#next(), { primary: enough, disabled: !enough })}`;
      }
      case 'recorded': {
        const take = this.machine.takes[currentStep(this.machine)];
        // An Apollo step restored on its own, with enough speech, carries on to the next step instead.
        if (this.restoredOffer && (ready || !take?.enough)) {
          return html`${ready ? this.#button('submit-button restore-upload-button', t('restoreUpload'), () => void this.submit(), { primary: true }) : nothing}
          ${this.#button('retake-button discard-button', t('discard'), () => void this.reset(), { primary: !ready })}`;
        }
        const canContinue = !phase.final;
        return html`${canContinue ? this.#button('continue-button', t('continueRecording'), () => this.#continue(), { primary: true }) : nothing}
        ${this.#button('retake-button', t('retake'), () => void this.#retake())}
        ${!ready && hasNextStep(this.machine)
          ? this.#button('next-button', t('next'), () => void this.#next(), { primary: !!take?.enough, disabled: !take?.enough })
          : this.#button('submit-button', t('submit'), () => void this.submit(), { primary: ready, disabled: !ready })}`;
      }
      case 'error':
        switch (phase.retry) {
          case 'record':
            return this.#button('record-button', phase.error.code === ERROR_CODES.modelError ? t('recordAgain') : t('tryAgain'), () => void this.start(), { primary: true });
          case 'submit':
            return html`${this.#button('submit-button', t('tryAgain'), () => void this.submit(), { primary: true, disabled: !ready })}
            ${this.#button('retake-button', t('retake'), () => void this.#retake())}`;
          case 'poll':
            return this.#button('retry-button', t('tryAgain'), () => this.#retryPoll(), { primary: true });
          default:
            return nothing;
        }
      default:
        return nothing;
    }
  }

  /** Apollo: on to the next step once this one holds enough speech. */
  async #next(): Promise<void> {
    if (this.state === 'recording') await this.#stopCapture('user');
    if (this.state !== 'recorded') return;
    this.notice = undefined;
    this.#apply({ type: 'next-step' });
  }

  #retryPoll(): void {
    if (this.#retry !== 'poll') return;
    this.notice = undefined;
    this.#apply({ type: 'resume-polling' });
    void (this.#following ? this.#startFollowing() : this.#poll());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thymia-recorder': ThymiaRecorder;
  }
}
