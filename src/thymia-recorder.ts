import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state as internalState } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { pollStatus } from './api/poller.js';
import { mintSession } from './api/session.js';
import { STATUS_ADAPTERS, type ResultView, type StatusAdapter, type StatusOutcome } from './api/status.js';
import { uploadRecording } from './api/upload.js';
import { CaptureController, type CaptureResult } from './controllers/capture-controller.js';
import { isCaptureSupported } from './engine/microphone.js';
import { ERROR_CODES, RecorderError, type ErrorCode, type RecorderErrorDetail } from './errors.js';
import { ThymiaEvent, type ThymiaEventDetails, type ThymiaEventName } from './events.js';
import { formatClock, translator, type MessageKey, type Translate } from './i18n/messages.js';
import { renderMentalWellness, type ResultsMode } from './render/helios-results.js';
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
import { RecordingStore } from './storage/recording-store.js';
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

/** Where a recording goes and where its run reports, for one submission. */
interface Destination {
  readonly statusUrl: string;
  readonly uploadUrls: Partial<Record<RecordingName, string>>;
}

interface Take extends CaptureResult {
  readonly recording: RecordingName;
  uploadedTo?: string;
}

/**
 * Records speech for thymia's voice biomarkers, uploads it to a pre-signed
 * URL, polls the host's status URL and renders the result.
 *
 * @summary Voice capture for thymia Helios and Apollo: microphone to results.
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
 *
 * @csspart prompt - The instructions / question / passage area.
 * @csspart record-button - Starts (or restarts) recording.
 * @csspart stop-button - Stops recording.
 * @csspart submit-button - Uploads the recording(s); enabled once there is enough speech.
 * @csspart retake-button - Discards the current recording and starts over.
 * @csspart continue-button - Resumes a recording stopped before it held enough speech.
 * @csspart retry-button - Retries checking for results after a failure.
 * @csspart timer - Elapsed recording time.
 * @csspart level-meter - Live microphone level.
 * @csspart speech-meter - Progress toward the minimum speech.
 * @csspart progress - Upload progress bar (and the processing indicator).
 * @csspart results - The rendered results.
 * @csspart error - Error and guidance messages.
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
  static override styles = recorderStyles;

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

  /** How much of the result to render (default `full` Helios, `none` Apollo); events carry everything. */
  @property() results?: ResultsMode;

  /** Upload as soon as the (last) recording stops, without a review step. */
  @property({ attribute: 'auto-submit', type: Boolean }) autoSubmit = false;

  /** How to read the status response: a built-in adapter name or a function. */
  @property({ attribute: 'status-adapter' }) statusAdapter: string | StatusAdapter = 'thymia';

  /** Scopes the IndexedDB store that keeps recordings until their upload is confirmed. */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** Merged into every status and session `fetch` (e.g. an Authorization header). */
  @property({ attribute: false }) statusRequestInit: RequestInit = {};

  @internalState() private machine: MachineState = initialState(STEPS.helios);
  @internalState() private uploadLoaded = 0;
  @internalState() private uploadTotal = 0;
  @internalState() private uploadRetrying = false;
  @internalState() private notice: RecorderErrorDetail | undefined;
  @internalState() private views: readonly ResultView[] = [];
  @internalState() private warnings: readonly string[] = [];

  readonly #capture = new CaptureController(this, {
    onMaxReached: () => void this.#stopCapture('max'),
    onTrackEnded: () => void this.#stopCapture('mic-lost'),
  });
  readonly #takes = new Map<RecordingName, Take>();
  #work: AbortController | undefined;
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

  get #resultsMode(): ResultsMode {
    if (this.results === 'full' || this.results === 'summary' || this.results === 'none') return this.results;
    return this.model === 'apollo' ? 'none' : 'full';
  }

  get #t(): Translate {
    const lang = this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return translator(lang || 'en');
  }

  get #store(): RecordingStore {
    return new RecordingStore(this.storageKey || `thymia-recorder:${this.model}`);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('state')) this.setAttribute('state', this.state);
    void RecordingStore.purgeExpired();
    // Reattached mid-processing (moved in the DOM): pick the polling back up.
    if (this.state === 'processing' && !this.#work) void this.#poll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#work?.abort(new DOMException('disconnected', 'AbortError'));
    this.#work = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model') && this.machine.steps !== this.#steps && this.state === 'idle') {
      this.machine = initialState(this.#steps);
    }
    this.#capture.maxSeconds = this.maxSeconds > 0 ? this.maxSeconds : 180;
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
    if (this.state === 'recorded' && this.model === 'apollo' && hasNextStep(this.machine)) return;
    const before = this.machine;
    this.#apply({ type: 'submit' });
    if (this.machine === before) return;
    this.notice = undefined;
    await this.#upload();
  }

  /** Discards the recording(s) and returns to `idle`. */
  async reset(): Promise<void> {
    this.#work?.abort(new DOMException('reset', 'AbortError'));
    this.#work = undefined;
    this.#capture.release();
    const store = this.#store;
    await Promise.all([...this.#takes.keys()].map((recording) => store.remove(recording)));
    this.#takes.clear();
    this.#destination = undefined;
    this.#resultEmitted = false;
    this.notice = undefined;
    this.views = [];
    this.warnings = [];
    this.uploadLoaded = this.uploadTotal = 0;
    this.#apply({ type: 'reset' });
  }

  // ── Capture ──────────────────────────────────────────────────────────

  async #stopCapture(reason: 'user' | 'max' | 'mic-lost'): Promise<void> {
    if (this.state !== 'recording') return;
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
    void this.#persist(recording, take);
    if (reason === 'mic-lost') {
      this.#inform(ERROR_CODES.micLost, this.#t('mic-lost'));
    } else if (reason === 'max' && !enough) {
      this.#inform(ERROR_CODES.tooShort, this.#t('autoStoppedTooShort', { max: formatClock(this.maxSeconds), speech: Math.floor(take.speechSeconds) }));
    }
    if (this.autoSubmit && enough) {
      if (hasNextStep(this.machine)) this.#apply({ type: 'next-step' });
      else await this.submit();
    }
  }

  async #persist(recording: RecordingName, take: CaptureResult): Promise<void> {
    const saved = await this.#store.save({
      recording,
      model: this.model,
      bytes: await take.blob.arrayBuffer(),
      mimeType: take.mimeType,
      durationSeconds: take.durationSeconds,
      speechSeconds: take.speechSeconds,
      createdAt: Date.now(),
    });
    if (!saved) this.#emitError({ code: ERROR_CODES.storageFailed, message: this.#t('storage-failed'), recoverable: true });
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
    await this.#store.remove(recording);
    this.notice = undefined;
    this.#apply({ type: 'retake', step: recording });
  }

  // ── Upload and polling ───────────────────────────────────────────────

  async #resolveDestination(signal: AbortSignal, fresh: boolean): Promise<Destination> {
    if (this.sessionUrl) {
      if (this.#destination && !fresh) return this.#destination;
      const session = await mintSession(this.sessionUrl, this.model, this.statusRequestInit, signal);
      const uploadUrls: Partial<Record<RecordingName, string>> = session.uploadUrls
        ? { moodQuestion: session.uploadUrls.moodQuestionUploadUrl, readAloud: session.uploadUrls.readAloudUploadUrl }
        : { main: session.recordingUploadUrl };
      this.#destination = { statusUrl: session.statusUrl, uploadUrls };
      // A new run: everything must go to its URLs, whatever reached the old ones.
      for (const take of this.#takes.values()) take.uploadedTo = undefined;
      return this.#destination;
    }
    const uploadUrls: Partial<Record<RecordingName, string>> = {};
    for (const step of this.#steps) uploadUrls[step] = this[UPLOAD_URL_PROPERTY[step]] || undefined;
    return { statusUrl: this.statusUrl ?? '', uploadUrls };
  }

  async #upload(): Promise<void> {
    this.#work?.abort();
    const work = new AbortController();
    this.#work = work;
    const { signal } = work;
    let reminted = false;
    try {
      let destination = await this.#resolveDestination(signal, true);
      for (;;) {
        const missing = this.#steps.filter((step) => !destination.uploadUrls[step]);
        if (missing.length || !destination.statusUrl) {
          throw new RecorderError(ERROR_CODES.missingConfig, `missing ${[...missing.map((s) => UPLOAD_URL_PROPERTY[s]), destination.statusUrl ? '' : 'statusUrl'].filter(Boolean).join(', ')}`);
        }
        try {
          await this.#uploadAll(destination, signal);
          break;
        } catch (error) {
          const expired = error instanceof RecorderError && error.code === ERROR_CODES.uploadUrlExpired;
          if (!expired || !this.sessionUrl || reminted) throw error;
          reminted = true;
          destination = await this.#resolveDestination(signal, true);
        }
      }
      this.#destination = destination;
      this.#apply({ type: 'uploaded' });
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(error, 'submit');
      return;
    } finally {
      if (this.#work === work) this.#work = undefined;
    }
    void this.#poll();
  }

  async #uploadAll(destination: Destination, signal: AbortSignal): Promise<void> {
    const pending = this.#steps.map((step) => this.#takes.get(step)).filter((take): take is Take => !!take);
    this.uploadTotal = pending.reduce((total, take) => total + take.blob.size, 0);
    let confirmed = pending.filter((take) => take.uploadedTo === destination.uploadUrls[take.recording]).reduce((sum, take) => sum + take.blob.size, 0);
    this.uploadLoaded = confirmed;
    for (const take of pending) {
      const url = destination.uploadUrls[take.recording];
      if (!url || take.uploadedTo === url) continue;
      const recording = take.recording;
      await uploadRecording(url, take.blob, {
        signal,
        stallTimeoutMs: 30_000,
        onProgress: (loaded, total) => {
          this.uploadRetrying = false;
          this.uploadLoaded = confirmed + loaded;
          this.#emit('thymia-upload-progress', { recording, loaded, total });
        },
        onRetry: (attempt, delayMs, reason) => {
          this.uploadRetrying = true;
          this.#emit('thymia-upload-retry', { recording, attempt, delayMs, reason });
        },
      });
      take.uploadedTo = url;
      confirmed += take.blob.size;
      this.uploadRetrying = false;
      await this.#store.remove(recording);
      this.#emit('thymia-upload-complete', { recording });
    }
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
    try {
      const outcome = await pollStatus({
        url: statusUrl,
        init: this.statusRequestInit,
        intervalMs: Math.max(250, this.pollInterval || 3000),
        adapter: this.#adapter,
        context: { model: this.model },
        signal: work.signal,
        onStatus: (status) => this.#emit('thymia-status', { status: status.status, response: status.response }),
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
      const known = errorCode && (this.#t(errorCode as MessageKey) as string | undefined);
      this.#fail(
        new RecorderError(ERROR_CODES.modelError, known || this.#t('modelErrorUnknown'), { errorCode }),
        'record',
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

  #renderSteps(_t: Translate): TemplateResult | typeof nothing {
    return nothing;
  }

  #renderPrompt(t: Translate): TemplateResult {
    return html`<div part="prompt"><slot name="prompt"><p>${t('instructionsHelios')}</p></slot></div>`;
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
        return html`<div class="live">
          <span part="timer" role="timer" aria-label=${t('timer')}>${formatClock(take.durationSeconds)}</span>
          ${this.#speechMeter(t, take.speechSeconds)}
        </div>`;
      }
      case 'uploading':
        return html`<p class="hint" role="status">${this.uploadRetrying ? t('uploadRetrying') : t('uploading')}</p>
          <progress part="progress" aria-label=${t('uploadProgress')} max=${Math.max(1, this.uploadTotal)} value=${this.uploadLoaded}></progress>`;
      case 'processing':
        return html`<p class="hint" role="status">${t('processing')}</p>
          <progress part="progress" aria-label=${t('processing')}></progress>`;
      case 'complete':
        return html`<section part="results" aria-live="polite">${this.#renderViews(t)}</section>`;
      default:
        return nothing;
    }
  }

  #renderViews(t: Translate): TemplateResult[] {
    const mode = this.#resultsMode;
    return this.views.map((view) => {
      switch (view.kind) {
        case 'mental-wellness':
          return renderMentalWellness(view.results, this.warnings, mode, t);
      }
    });
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
        return this.#button('record-button', t('record'), () => void this.start(), { primary: true });
      case 'requesting-permission':
        return this.#button('record-button', t('record'), () => undefined, { primary: true, disabled: true });
      case 'recording': {
        const enough = this.#capture.speechSeconds >= this.#minSpeech;
        return html`${this.#button('stop-button', t('stop'), () => void this.stop(), { primary: !enough })}
        ${this.#button('submit-button', t('finishAndSubmit'), () => void this.submit(), { primary: enough, disabled: !enough })}`;
      }
      case 'recorded': {
        const canContinue = !phase.final;
        return html`${canContinue ? this.#button('continue-button', t('continueRecording'), () => this.#continue(), { primary: true }) : nothing}
        ${this.#button('retake-button', t('retake'), () => void this.#retake())}
        ${this.#button('submit-button', t('submit'), () => void this.submit(), { primary: ready, disabled: !ready })}`;
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

  #retryPoll(): void {
    if (this.#retry !== 'poll') return;
    this.notice = undefined;
    this.#apply({ type: 'resume-polling' });
    void this.#poll();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thymia-recorder': ThymiaRecorder;
  }
}
