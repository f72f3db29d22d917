/**
 * The whole record → keep → upload → poll → outcome lifecycle (plus follow
 * and restore), owned by one ReactiveController. It holds the state machine,
 * the takes, the capture and persistence controllers and one AbortController
 * for whichever network job runs; the element reads `snapshot`, calls the
 * intent methods and re-dispatches what `emit` hands it. No rendering here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StatusOutcome } from '../api/outcome.js';
import { CaptureController } from '../capture/capture-controller.js';
import { isCaptureSupported } from '../capture/microphone.js';
import { ERROR_CODES, RecorderError, type ErrorCode, type RecorderErrorDetail } from '../errors.js';
import { formatClock, type MessageKey, type Translate } from '../i18n/messages.js';
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
} from '../state/machine.js';
import type { Take } from '../state/take.js';
import { PersistenceController } from '../storage/persistence-controller.js';
import type { QualityIssue, QualityReport } from '../capture/quality.js';
import type { RecoverableRecording } from '../storage/restore.js';
import type { DeliveryContext, DeliveryRecord, JobResult } from './delivery.js';
import type { RestoreContext } from './restore-flow.js';
import { LazyModule } from '../lazy-module.js';
import type { FlowOptions, FlowSettings, UploadProgress } from './flow-types.js';
import type { PauseFlow } from './pause-controller.js';
import { PAUSE_MESSAGES } from './pause-messages.js';
import type { PauseReason } from '../state/pauses.js';
import { discardedTake, type DiscardedTake } from './retake-undo.js';

export type { FlowOptions, FlowSettings, UploadProgress } from './flow-types.js';

/** Everything the element renders, read-only. */
export interface FlowSnapshot {
  readonly machine: MachineState;
  readonly notice: RecorderErrorDetail | undefined;
  readonly upload: UploadProgress;
  readonly outcome: Extract<StatusOutcome, { phase: 'complete' }> | undefined;
  /** An activity the person was handed off to (from `activity-link` or the session). */
  readonly handoffLink: string | undefined;
  /** The latest status string, shown while following a call. */
  readonly lastStatus: string | undefined;
  /** The takes on show came from storage, not from this page: offer upload or discard. */
  readonly restoredOffer: boolean;
  /** The current step's take has audio quality issues worth a retake. */
  readonly qualityIssues: readonly QualityIssue[];
  /** This browser or page cannot record at all (found on connect): Record stays off. */
  readonly unavailable: boolean;
  /** The take is paused, and why in words (the person's own pause, or an interruption). */
  readonly paused: { readonly reason: PauseReason; readonly message: string } | undefined;
  /** A take just discarded by a retake, which `undoRetake()` brings back (until recording starts again). */
  readonly undoable: RecordingName | undefined;
}

type StopReason = 'user' | 'max' | 'mic-lost';

/** Why a page cannot record, said plainly (the `reason` of `thymia-error`). */
const UNAVAILABLE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'insecure-context': 'insecureContext',
  'no-media-recorder': 'noMediaRecorder',
  'no-get-user-media': 'noMediaRecorder',
  'permissions-policy': 'permissionsPolicy',
};

/** Upload, session and polling (with zod and the adapters) load the first time they are needed. */
const delivery = new LazyModule(() => import('./delivery.js'));
const restoreFlow = new LazyModule(() => import('./restore-flow.js'));
/** Pausing and resuming is needed only once a take is running (or restored paused): it loads with Record. */
const pauseFlow = new LazyModule(() => import('./pause-controller.js'));
const loadDelivery = () => delivery.load();

const freshRecord = (): DeliveryRecord => ({
  upload: { loaded: 0, total: 0, retrying: false },
  destination: undefined,
  handoffLink: undefined,
  lastStatus: undefined,
  outcome: undefined,
  resultEmitted: false,
  recordingStartedAt: undefined,
});

export class FlowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: FlowOptions;
  #machine: MachineState;
  #notice: RecorderErrorDetail | undefined;
  /** What the current submission has learnt (upload progress, where it went, the outcome). */
  #record: DeliveryRecord = freshRecord();
  #restoredOffer = false;
  #unavailable = false;
  readonly #quality = new Map<RecordingName, QualityReport>();

  readonly #takes = new Map<RecordingName, Take>();
  /** Takes a pre-signed URL has confirmed, by the URL that confirmed them. */
  readonly #delivered = new Map<RecordingName, string>();
  /** The network job running now (loading the code, upload, session, polling); one at a time. */
  #work: AbortController | undefined;
  #stopping: Promise<void> | undefined;
  #storageKey: string | undefined;
  /** The last retake's discarded take, kept in memory so the person can undo it (see retake-undo.ts). */
  #undo: DiscardedTake | undefined;

  readonly capture: CaptureController;
  readonly #persistence: PersistenceController;
  /** Loaded when recording starts (see `#loadPauses`); until then no take can have paused. */
  #pauses: PauseFlow | undefined;

  constructor(host: ReactiveControllerHost, options: FlowOptions) {
    this.#host = host;
    this.#options = options;
    this.#machine = initialState(options.settings().steps);
    this.capture = new CaptureController(host, {
      onMaxReached: () => void this.#stopCapture('max'),
      onInterrupted: (reason) => this.#interrupted(reason),
      onMicSilent: () => this.#inform(ERROR_CODES.micNotFound, this.#t('micSilent'), 'silent-input'),
      onChunk: (chunk, part) =>
        this.#persistence.appendChunk(chunk, {
          mimeType: this.capture.mimeType,
          durationSeconds: this.capture.elapsedSeconds,
          speechSeconds: this.capture.speechSeconds,
          part,
        }),
    });
    this.#persistence = new PersistenceController(host, {
      storageKey: () => this.#settings.storageKey,
      model: () => this.#settings.model,
      steps: () => this.#settings.steps,
      onRestore: (found) => void this.#restore(found),
      onStorageFailed: () => this.#inform(ERROR_CODES.storageFailed, this.#t('storage-failed')),
    });
    host.addController(this);
  }

  get snapshot(): FlowSnapshot {
    return {
      machine: this.#machine,
      notice: this.#notice,
      upload: this.#record.upload,
      outcome: this.#record.outcome,
      handoffLink: this.#record.handoffLink,
      lastStatus: this.#record.lastStatus,
      restoredOffer: this.#restoredOffer,
      qualityIssues: this.#quality.get(currentStep(this.#machine))?.issues ?? [],
      unavailable: this.#unavailable,
      paused: this.#pausedView,
      undoable: this.#undo?.take.recording,
    };
  }

  get #pausedView(): FlowSnapshot['paused'] {
    const phase = this.#machine.phase;
    const reason = phase.name === 'recording' ? phase.paused : undefined;
    return reason && { reason, message: this.#t(PAUSE_MESSAGES[reason]) };
  }

  /** The pause flow, loaded once (with Record, or for a take restored paused). */
  async #loadPauses(): Promise<PauseFlow> {
    const { PauseFlow } = await pauseFlow.load();
    this.#pauses ??= new PauseFlow({
      machine: () => this.#machine,
      apply: (event) => this.#apply(event),
      emit: (name, detail) => this.#options.emit(name, detail),
      capture: this.capture,
      onResumeFailed: (error) => {
        const known = error instanceof RecorderError ? error.code : ERROR_CODES.micNotFound;
        this.#inform(known, this.#t(known));
      },
      keep: (marker) => this.#persistence.markPaused(marker),
    });
    return this.#pauses;
  }

  /** A finished take's audio (recorded here, or restored and decrypted from storage), for listening back. */
  takeAudio(step: RecordingName): Blob | undefined {
    return this.#takes.get(step)?.blob;
  }

  get state(): RecorderStateName {
    return this.#machine.phase.name;
  }

  /** A pre-signed URL of the current submission already holds this take (a retry skips it). */
  isSent(step: RecordingName): boolean {
    const settings = this.#settings;
    // A session re-mints on every submit, and everything goes to the new run.
    const url = settings.sessionUrl ? undefined : settings.uploadUrls[step];
    return !!url && this.#delivered.get(step) === url;
  }

  get #settings(): FlowSettings {
    return this.#options.settings();
  }

  get #t(): Translate {
    return this.#options.t();
  }

  // ── Lifecycle ────────────────────────────────────────────────────────

  hostConnected(): void {
    // Reattached mid-processing (moved in the DOM): pick the polling back up.
    if (this.state === 'processing' && !this.#work) void this.#deliver((delivery, ctx) => delivery.poll(ctx));
    // Reattached mid-upload: the upload was aborted on disconnect; start it again.
    if (this.state === 'uploading' && !this.#work) void this.#uploadAndPoll();
    // Reattached mid-capture: the microphone was released on disconnect and the
    // take lives on only in storage; start over from there, as a reload would.
    const phase = this.#machine.phase;
    const captureLost = phase.name === 'recording' || phase.name === 'requesting-permission' || (phase.name === 'recorded' && !phase.final);
    if (captureLost && !this.capture.active) {
      this.#takes.clear();
      this.#apply({ type: 'reset' });
    }
  }

  hostDisconnected(): void {
    this.#abortWork('disconnected');
  }

  /** Before each render: follow property changes that matter while idle. */
  hostUpdate(): void {
    const settings = this.#settings;
    if (this.#machine.steps !== settings.steps && this.state === 'idle') this.#machine = initialState(settings.steps);
    this.capture.maxSeconds = settings.maxSeconds;
    this.capture.audioBitsPerSecond = settings.audioBitsPerSecond;
    // Following needs no click: start once there is somewhere to poll.
    if (settings.following && this.state === 'idle' && !this.#work && (settings.statusUrl || settings.sessionUrl)) void this.#startFollowing();
    // A storage key given after connecting scopes a different store: look there too.
    const keyChanged = this.#storageKey !== undefined && this.#storageKey !== settings.storageKey;
    this.#storageKey = settings.storageKey;
    if (keyChanged && this.state === 'idle' && !this.#takes.size) void this.#persistence.lookup();
  }

  // ── Intents ──────────────────────────────────────────────────────────

  /** Asks for the microphone and starts recording the current step. */
  start(): Promise<void> {
    if (this.state === 'error' && this.#notice?.code === ERROR_CODES.modelError) this.#apply({ type: 'reset' });
    if (this.state !== 'idle' && !(this.state === 'error' && this.#retry === 'record')) return Promise.resolve();
    // No microphone before consent, and none on a page that cannot record (already said on connect).
    if (!this.#settings.consentGiven || this.#unavailable) return Promise.resolve();
    if (!isCaptureSupported()) {
      this.#fail(new RecorderError(ERROR_CODES.unsupportedBrowser, 'unsupported'), 'none');
      return Promise.resolve();
    }
    this.#undo = undefined;
    // getUserMedia runs synchronously here, inside the caller's click. The pause
    // flow arrives meanwhile: an interruption during the take needs it.
    const begun = Promise.all([this.capture.begin(), this.#loadPauses().then((pauses) => pauses.reset())]);
    this.#persistence.beginTake(currentStep(this.#machine));
    if (!this.#takes.size) this.#record.recordingStartedAt = new Date();
    this.#restoredOffer = false;
    this.#notice = undefined;
    this.#apply({ type: 'start' });
    return begun.then(
      () => {
        if (this.state !== 'requesting-permission') return;
        this.#apply({ type: 'permission-granted' });
        this.#options.emit('thymia-recording-start', { recording: currentStep(this.#machine) });
        // Fetched while the person speaks, so Submit (or auto-submit) starts the upload at once.
        void loadDelivery().catch(() => undefined);
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
    if (this.state === 'recorded' && !readyToSubmit(this.#machine)) return;
    if (!this.#apply({ type: 'submit' })) return;
    this.#notice = undefined;
    this.#restoredOffer = false;
    await this.#uploadAndPoll();
  }

  /** Discards the recording(s) and returns to `idle`. */
  async reset(): Promise<void> {
    this.#abortWork('reset');
    this.capture.release();
    // Storage writes are queued per key, so forgetting after the state change cannot race a new take.
    const forgotten = this.#persistence.forget(this.#settings.steps);
    this.#restoredOffer = false;
    this.#undo = undefined;
    this.#takes.clear();
    this.#delivered.clear();
    this.#quality.clear();
    this.#record = freshRecord();
    this.#notice = undefined;
    this.#apply({ type: 'reset' });
    await forgotten;
  }

  /** Deletes every recording this storage key keeps (sign-out); false when storage refused. */
  clearStoredRecordings(): Promise<boolean> {
    return this.#persistence.clearStoredRecordings();
  }

  /**
   * Found on connect: this page or browser cannot record (insecure context,
   * no MediaRecorder, microphone blocked by Permissions-Policy). Said before
   * the person tries; Record stays off.
   */
  reportUnavailable(code: ErrorCode, reason: string): void {
    if (this.#unavailable) return;
    this.#unavailable = true;
    const detail: RecorderErrorDetail = { code, message: this.#t(UNAVAILABLE_MESSAGES[reason] ?? code), recoverable: false, reason };
    this.#notice = detail;
    this.#host.requestUpdate();
    this.#options.emit('thymia-error', detail);
  }

  /** Pauses the take being recorded (`pause-button`); only `resume()` carries it on. */
  pause(): void {
    this.#pauses?.pause('user');
  }

  /** Carries a paused take on, into the same file (on another microphone if its own is gone). */
  resume(): Promise<void> {
    if (this.#notice?.code !== ERROR_CODES.tooShort) this.#notice = undefined;
    return this.#pauses?.resume() ?? Promise.resolve();
  }

  /** Resumes a take paused before it held enough speech. */
  continue(): Promise<void> {
    if (this.state !== 'recorded') return Promise.resolve();
    this.#notice = undefined;
    const resumed = this.capture.resume();
    this.#apply({ type: 'continue' });
    this.#options.emit('thymia-recording-start', { recording: currentStep(this.#machine) });
    // Its microphone went away meanwhile and none can be opened: said; Stop keeps what there is.
    return resumed.catch((error: unknown) => {
      const code = error instanceof RecorderError ? error.code : ERROR_CODES.micNotFound;
      this.#inform(code, this.#t(code));
    });
  }

  /** Something took the microphone away: the running take pauses (a take stopped too early is finalised if its input went). */
  #interrupted(reason: PauseReason): void {
    const phase = this.#machine.phase;
    if (phase.name === 'recorded' && !phase.final && (reason === 'ended' || reason === 'device-lost')) {
      void this.#stopCapture('mic-lost');
      return;
    }
    if (phase.name === 'recording') this.#pauses?.interrupted(reason);
  }

  /** Discards one take (the current one by default) and goes back to record it. */
  async retake(step?: RecordingName): Promise<void> {
    const recording = step ?? currentStep(this.#machine);
    const discarded = discardedTake(this.#machine, recording, this.#takes, this.#quality, this.#delivered);
    this.capture.release();
    this.#takes.delete(recording);
    this.#delivered.delete(recording);
    this.#quality.delete(recording);
    await this.#persistence.forget([recording]);
    this.#notice = undefined;
    this.#restoredOffer = false;
    if (this.#apply({ type: 'retake', step: recording })) this.#undo = discarded;
  }

  /** Brings back the take the last retake discarded, with the screen it was on; kept again until uploaded. */
  undoRetake(): void {
    const undo = this.#undo;
    this.#undo = undefined;
    if (!undo || this.state !== 'idle') return;
    const { take, quality, delivered, machine } = undo;
    this.#takes.set(take.recording, take);
    if (quality) this.#quality.set(take.recording, quality);
    if (delivered) this.#delivered.set(take.recording, delivered);
    void this.#persistence.keep(take.recording, take);
    if (delivered) void this.#persistence.markUploaded(take.recording, delivered);
    const previous = this.state;
    this.#machine = machine;
    this.#host.requestUpdate();
    this.#options.emit('thymia-state-change', { state: machine.phase.name, previous });
  }

  /** Apollo: on to the next step once this one holds enough speech. */
  async next(): Promise<void> {
    if (this.state === 'recording') await this.#stopCapture('user');
    if (this.state !== 'recorded') return;
    this.#notice = undefined;
    this.#apply({ type: 'next-step' });
  }

  /** After a polling failure: ask for the result again (the upload already landed). */
  retryPoll(): void {
    if (this.#retry !== 'poll') return;
    this.#notice = undefined;
    this.#apply({ type: 'resume-polling' });
    void (this.#settings.following ? this.#startFollowing() : this.#deliver((delivery, ctx) => delivery.poll(ctx)));
  }

  // ── Capture ──────────────────────────────────────────────────────────

  #stopCapture(reason: StopReason): Promise<void> {
    // Stop, the limit and a lost track can all arrive while the recorder drains its last chunk.
    this.#stopping ??= this.#stopCaptureOnce(reason).finally(() => (this.#stopping = undefined));
    return this.#stopping;
  }

  async #stopCaptureOnce(reason: StopReason): Promise<void> {
    const phase = this.#machine.phase;
    // A microphone lost while paused ends the take too: it can no longer be continued.
    const pausedTakeLost = reason === 'mic-lost' && phase.name === 'recorded' && !phase.final && this.capture.active;
    if (this.state !== 'recording' && !pausedTakeLost) return;
    const recording = currentStep(this.#machine);
    // A part closing (its microphone just went away) still brings its speech and bytes.
    await this.capture.settled();
    const { minSpeechSeconds: min, maxSeconds } = this.#settings;
    const enough = this.capture.speechSeconds >= min;
    const pauses = this.#pauses?.records() ?? [];
    this.#pauses?.settle();
    if (reason === 'user' && !enough) {
      const { elapsedSeconds: durationSeconds, speechSeconds, mimeType, size } = this.capture;
      this.capture.pause();
      const quality = this.#keepQuality(recording);
      this.#apply({ type: 'stopped', final: false, take: { durationSeconds, speechSeconds, enough } });
      this.#options.emit('thymia-recording-stop', { recording, durationSeconds, speechSeconds, mimeType, size, ...(quality && { quality }), pauses });
      this.#inform(ERROR_CODES.tooShort, this.#t('stoppedTooEarly', { speech: Math.floor(speechSeconds), min }));
      return;
    }
    const take: Take = { ...(await this.capture.finish()), recording };
    const { durationSeconds, speechSeconds, mimeType } = take;
    const quality = this.#keepQuality(recording);
    this.#takes.set(recording, take);
    this.#apply({ type: 'stopped', final: true, take: { durationSeconds, speechSeconds, enough } });
    this.#options.emit('thymia-recording-stop', { recording, durationSeconds, speechSeconds, mimeType, size: take.blob.size, ...(quality && { quality }), pauses });
    void this.#persistence.keep(recording, take);
    if (reason === 'mic-lost') {
      this.#inform(ERROR_CODES.micLost, this.#t('mic-lost'));
    } else if (reason === 'max' && !enough) {
      this.#inform(ERROR_CODES.tooShort, this.#t('autoStoppedTooShort', { max: formatClock(maxSeconds), speech: Math.floor(speechSeconds) }));
    }
    if (this.#settings.autoSubmit && enough) {
      // A retaken earlier step may complete the set: submit rather than revisit a recorded step.
      if (readyToSubmit(this.#machine)) await this.submit();
      else if (hasNextStep(this.#machine)) this.#apply({ type: 'next-step' });
    }
  }

  #keepQuality(recording: RecordingName): QualityReport | undefined {
    const quality = this.capture.quality;
    if (quality) this.#quality.set(recording, quality);
    else this.#quality.delete(recording);
    return quality;
  }

  /** Offers back recordings an earlier page kept but never got uploaded (its code loads only then). */
  async #restore(all: readonly RecoverableRecording[]): Promise<void> {
    if (!this.#fresh) return;
    const module = await restoreFlow.loadPatiently().catch(() => undefined);
    if (module && this.#fresh) await module.restoreFound(this.#restoreContext, all);
  }

  /** Nothing recorded or restored on this page yet. */
  get #fresh(): boolean {
    return this.state === 'idle' && !this.#takes.size;
  }

  readonly #restoreContext: RestoreContext = (() => {
    const flow = this;
    return {
      get settings() {
        return flow.#settings;
      },
      get options() {
        return flow.#options;
      },
      get fresh() {
        return flow.#fresh;
      },
      // Made in the constructor, after this field.
      get capture() {
        return flow.capture;
      },
      apply: (event) => this.#apply(event),
      adopt: (plan, startedAt, offer) => {
        for (const take of plan.takes) this.#takes.set(take.recording, take);
        for (const [step, url] of Object.entries(plan.delivered)) this.#delivered.set(step as RecordingName, url);
        this.#record.recordingStartedAt = new Date(startedAt);
        this.#restoredOffer = offer;
      },
      continueTake: (entry, position) => this.#persistence.continueTake(entry.recording, position),
      pauses: () => this.#loadPauses(),
      submitIfReady: () => void (this.#settings.autoSubmit && readyToSubmit(this.#machine) && this.submit()),
    };
  })();

  // ── Upload and polling (the code lives in delivery.ts) ──────────────

  /** Runs one network job: aborts whatever ran before, and forgets the job once it settles. */
  async #run<T>(job: (signal: AbortSignal) => Promise<T>): Promise<JobResult<T>> {
    this.#work?.abort();
    const work = new AbortController();
    this.#work = work;
    try {
      return { ok: true, value: await job(work.signal) };
    } catch (error) {
      // Aborted (reset, disconnect, a newer job): whoever aborted owns what happens next.
      return work.signal.aborted ? undefined : { ok: false, error };
    } finally {
      if (this.#work === work) this.#work = undefined;
    }
  }

  #abortWork(reason: string): void {
    this.#work?.abort(new DOMException(reason, 'AbortError'));
    this.#work = undefined;
  }

  /**
   * Loads the delivery code (a job of its own, so reset or disconnect
   * while it loads cancels what was to follow) and runs `step` with it.
   */
  async #deliver(step: (delivery: typeof import('./delivery.js'), ctx: DeliveryContext) => Promise<void>): Promise<void> {
    // Usually prefetched while the person spoke: start at once, in this task.
    if (delivery.value) return step(delivery.value, this.#deliveryContext);
    const state = this.state;
    const loaded = await this.#run(() => loadDelivery());
    if (!loaded) return;
    if (!loaded.ok) {
      this.#fail(loaded.error, state === 'uploading' ? 'submit' : 'poll');
      return;
    }
    // Reset (or moved on) while the code loaded: nothing to do any more.
    if (this.state !== state) return;
    await step(loaded.value, this.#deliveryContext);
  }

  readonly #deliveryContext: DeliveryContext = (() => {
    const flow = this;
    return {
      get settings() {
        return flow.#settings;
      },
      get state() {
        return flow.state;
      },
      get options() {
        return flow.#options;
      },
      get record() {
        return flow.#record;
      },
      takes: this.#takes,
      delivered: this.#delivered,
      run: (job) => this.#run(job),
      apply: (event) => this.#apply(event),
      fail: (error, retry) => this.#fail(error, retry),
      markUploaded: (recording, url) => this.#persistence.markUploaded(recording, url),
      forget: (steps) => this.#persistence.forget(steps),
      requestUpdate: () => this.#host.requestUpdate(),
    };
  })();

  async #uploadAndPoll(): Promise<void> {
    const settings = this.#settings;
    const takes = settings.steps.map((step) => this.#takes.get(step)).filter((take): take is Take => !!take);
    this.#record.upload = { loaded: 0, total: takes.reduce((total, take) => total + take.blob.size, 0), retrying: false };
    await this.#deliver((delivery, ctx) => delivery.uploadAndPoll(ctx, takes));
  }

  /** Follows a call or an activity: nothing is recorded here. */
  async #startFollowing(): Promise<void> {
    if (this.#work) return;
    this.#apply({ type: 'follow' });
    // A static activity link is shown at once; one from the session follows when it is minted.
    const record = this.#record;
    record.handoffLink ??= record.destination?.activityLink ?? this.#settings.activityLink;
    await this.#options.settled?.().catch(() => undefined);
    // One task later: whatever the page does once `updateComplete` resolves (add listeners) happens first.
    await new Promise((resolve) => setTimeout(resolve));
    if (this.state !== 'processing' || this.#work) return;
    await this.#deliver((delivery, ctx) => delivery.follow(ctx));
  }

  // ── State, events, errors ────────────────────────────────────────────

  get #retry(): RetryAction | undefined {
    const phase = this.#machine.phase;
    return phase.name === 'error' ? phase.retry : undefined;
  }

  /** Feeds the machine; false when the event did not apply. */
  #apply(event: MachineEvent): boolean {
    const previous = this.state;
    const next = transition(this.#machine, event);
    if (next === this.#machine) return false;
    this.#machine = next;
    this.#host.requestUpdate();
    if (next.phase.name !== previous) this.#options.emit('thymia-state-change', { state: next.phase.name, previous });
    return true;
  }

  /** Reports an error that does not leave the current state (guidance, kept audio). */
  #inform(code: ErrorCode, message: string, reason?: string): void {
    const detail: RecorderErrorDetail = { code, message, recoverable: true, ...(reason && { reason }) };
    this.#notice = detail;
    this.#host.requestUpdate();
    this.#options.emit('thymia-error', detail);
  }

  #fail(error: unknown, retry: RetryAction): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const known = error instanceof RecorderError ? error : undefined;
    const code = known?.code ?? ERROR_CODES.uploadFailed;
    const { errorCode, reason } = known?.extra ?? {};
    const attribute = known?.extra.attribute;
    // model-error carries its translated advice; a misconfigured attribute is named for the page author.
    const message = code === ERROR_CODES.modelError && known ? known.message : attribute ? `${this.#t(code)} (${attribute})` : this.#t(code);
    const recoverable = retry !== 'none';
    const detail: RecorderErrorDetail = { code, message, recoverable, ...(errorCode && { errorCode }), ...(reason && { reason }) };
    if (retry === 'record' && code !== ERROR_CODES.modelError) this.capture.release();
    this.#notice = detail;
    this.#apply({ type: 'failed', error: detail, retry });
    this.#options.emit('thymia-error', detail);
  }
}
