/**
 * The second half of the flow, loaded with the network code when it is
 * first needed (prefetched while the person records): upload the takes,
 * poll for the outcome, follow a call or an activity, and turn the final
 * answer into `thymia-result` or `thymia-error`. The flow controller owns
 * every field; this module only works through `DeliveryContext`.
 */
import type { StatusOutcome } from '../api/outcome.js';
import { deliverTakes, isHandoff, localIsoTime, mintDestination, pollStatus, resolveAdapter } from '../api/network.js';
import type { Destination } from '../api/submission.js';
import { resolveTiming } from '../api/timing.js';
import { ERROR_CODES, RecorderError } from '../errors.js';
import type { MachineEvent, RecorderStateName, RecordingName, RetryAction } from '../state/machine.js';
import type { Take } from '../state/take.js';
import type { FlowOptions, FlowSettings, UploadProgress } from './flow-types.js';
import { callFailureMessage, modelErrorMessage } from './outcome-messages.js';
import { checkStatusUrls, checkSubmissionUrls } from './url-check.js';

/** What a submission has learnt so far; the flow controller clears it on reset. */
export interface DeliveryRecord {
  upload: UploadProgress;
  destination: Destination | undefined;
  /** An activity the person was handed off to (from `activity-link` or the session). */
  handoffLink: string | undefined;
  /** The latest status string, shown while following a call. */
  lastStatus: string | undefined;
  outcome: Extract<StatusOutcome, { phase: 'complete' }> | undefined;
  resultEmitted: boolean;
  /** When the first recording of this submission started: thymia's `recordingTime`. */
  recordingStartedAt: Date | undefined;
}

export type JobResult<T> = { ok: true; value: T } | { ok: false; error: unknown } | undefined;

/** The flow controller, as delivery sees it. */
export interface DeliveryContext {
  readonly settings: FlowSettings;
  readonly state: RecorderStateName;
  readonly options: FlowOptions;
  readonly record: DeliveryRecord;
  readonly takes: ReadonlyMap<RecordingName, Take>;
  /** Takes a pre-signed URL has confirmed, by the URL that confirmed them. */
  readonly delivered: Map<RecordingName, string>;
  /** Runs one network job, aborting the one before; undefined when it was aborted. */
  run<T>(job: (signal: AbortSignal) => Promise<T>): Promise<JobResult<T>>;
  apply(event: MachineEvent): boolean;
  fail(error: unknown, retry: RetryAction): void;
  markUploaded(recording: RecordingName, url: string): Promise<void>;
  forget(steps: readonly RecordingName[]): Promise<void>;
  requestUpdate(): void;
}

/** Uploads every take (skipping those already confirmed), then polls. The state is `uploading`. */
export async function uploadAndPoll(ctx: DeliveryContext, takes: readonly Take[]): Promise<void> {
  const { settings, record, options } = ctx;
  try {
    checkSubmissionUrls(settings);
  } catch (error) {
    ctx.fail(error, 'submit');
    return;
  }
  const setUpload = (upload: UploadProgress) => {
    record.upload = upload;
    ctx.requestUpdate();
  };
  const delivered = await ctx.run((signal) =>
    deliverTakes({
      steps: settings.steps,
      takes,
      delivered: Object.fromEntries(ctx.delivered),
      staticDestination: { statusUrl: settings.statusUrl ?? '', uploadUrls: settings.uploadUrls },
      session: settings.sessionUrl
        ? {
            url: settings.sessionUrl,
            model: settings.model,
            init: settings.requestInit,
            recordingTime: localIsoTime(record.recordingStartedAt ?? new Date()),
            sleepTime: settings.sleepTime,
            wakeTime: settings.wakeTime,
          }
        : undefined,
      signal,
      timing: resolveTiming(settings.timing),
      onProgress: (recording, loaded, total, overall) => {
        setUpload({ ...overall, retrying: false });
        options.emit('thymia-upload-progress', { recording, loaded, total });
      },
      onRetry: (recording, attempt, delayMs, reason) => {
        setUpload({ ...record.upload, retrying: true });
        options.emit('thymia-upload-retry', { recording, attempt, delayMs, reason });
      },
      onDelivered: async (recording, url) => {
        setUpload({ ...record.upload, retrying: false });
        ctx.delivered.set(recording, url);
        // A stalled IndexedDB (Safari restoring a page from its back-forward cache) must not hold the upload up.
        await Promise.race([ctx.markUploaded(recording, url), new Promise((resolve) => setTimeout(resolve, 2000))]);
        options.emit('thymia-upload-complete', { recording });
      },
    }).then(async (destination) => {
      // Every recording is confirmed (or has nowhere to go): nothing left worth keeping or offering back.
      await ctx.forget(settings.steps);
      return destination;
    }),
  );
  if (!delivered) return;
  if (!delivered.ok) {
    ctx.fail(delivered.error, 'submit');
    return;
  }
  const destination = delivered.value;
  record.destination = destination;
  // Hand-off: the host chose an activity over upload, so the takes have nowhere to go.
  if (isHandoff(destination, settings.steps)) record.handoffLink = destination.activityLink;
  ctx.apply({ type: 'uploaded' });
  await poll(ctx);
}

/**
 * Follows a call or an activity (the state is already `processing`): a
 * `session-url` is asked once for the status URL (and maybe an activity
 * link) first, then the status is polled.
 */
export async function follow(ctx: DeliveryContext): Promise<void> {
  const { settings, record } = ctx;
  try {
    checkStatusUrls(settings, !!record.destination);
  } catch (error) {
    ctx.fail(error, 'none');
    return;
  }
  if (settings.sessionUrl && !record.destination) {
    const session = { url: settings.sessionUrl, model: settings.model, init: settings.requestInit };
    const minted = await ctx.run((signal) => mintDestination(session, signal));
    if (!minted) return;
    if (!minted.ok) {
      // Nothing was recorded, so "could not be sent" would mislead: report it as a status failure.
      const { error } = minted;
      const missing = error instanceof RecorderError && error.code === ERROR_CODES.missingConfig;
      ctx.fail(missing ? error : new RecorderError(ERROR_CODES.statusFailed, 'session failed', { cause: error }), 'poll');
      return;
    }
    record.destination = { ...minted.value, uploadUrls: {} };
  }
  record.handoffLink = record.destination?.activityLink ?? settings.activityLink;
  ctx.requestUpdate();
  await poll(ctx);
}

/** Polls the status URL until the run (or call) ends, then reports how. The state is `processing`. */
export async function poll(ctx: DeliveryContext): Promise<void> {
  const { settings, record, options } = ctx;
  const url = record.destination?.statusUrl || settings.statusUrl;
  if (!url) {
    ctx.fail(new RecorderError(ERROR_CODES.missingConfig, 'missing statusUrl', { attribute: 'status-url' }), 'poll');
    return;
  }
  try {
    checkStatusUrls(settings, !!record.destination);
  } catch (error) {
    ctx.fail(error, 'none');
    return;
  }
  const timing = resolveTiming(settings.timing);
  const polled = await ctx.run((signal) =>
    pollStatus({
      url,
      init: settings.requestInit,
      intervalMs: settings.pollIntervalMs,
      adapter: resolveAdapter(settings.statusAdapter),
      context: { model: settings.model },
      signal,
      requestTimeoutMs: timing.statusTimeoutMs,
      maxBackoffMs: timing.statusRetryMaxMs,
      maxMalformed: timing.statusMaxMalformed,
      onStatus: (status) => {
        record.lastStatus = status.status;
        ctx.requestUpdate();
        options.emit('thymia-status', { status: status.status, response: status.response });
      },
    }),
  );
  if (!polled) return;
  if (polled.ok) {
    await options.prepareOutcome?.(polled.value)?.catch(() => undefined);
    // Reset or moved on while the views loaded: this answer is no longer wanted.
    if (ctx.state === 'processing') finish(ctx, polled.value);
    return;
  }
  const code = polled.error instanceof RecorderError ? polled.error.code : ERROR_CODES.statusFailed;
  ctx.fail(polled.error, code === ERROR_CODES.dataDeleted ? 'none' : 'poll');
}

function finish(ctx: DeliveryContext, outcome: StatusOutcome): void {
  const { record, options } = ctx;
  if (outcome.phase === 'complete') {
    if (record.resultEmitted) return;
    record.resultEmitted = true;
    record.outcome = outcome;
    ctx.apply({ type: 'completed' });
    const { model, modelRunId, results, warnings, response } = outcome;
    options.emit('thymia-result', { model, modelRunId, results, warnings, response });
  } else if (outcome.phase === 'failed') {
    const { errorCode } = outcome;
    if (outcome.code === ERROR_CODES.dataDeleted) {
      ctx.fail(new RecorderError(ERROR_CODES.dataDeleted, 'deleted', { errorCode }), 'none');
      return;
    }
    const t = options.t();
    const message = outcome.callFailure ? callFailureMessage(outcome.callFailure, t) : modelErrorMessage(errorCode, t);
    // A failed call or activity cannot be redone from here; the host starts a new one.
    ctx.fail(new RecorderError(ERROR_CODES.modelError, message, { errorCode }), ctx.settings.following ? 'none' : 'record');
  }
}
