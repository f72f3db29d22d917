/**
 * Offers back what an earlier page recorded but never got uploaded: finished
 * takes come back to the review (or upload at once with `auto-submit`), and a
 * take the page left paused comes back paused, so Resume carries it on into
 * the same file. Loaded, with the plan and the joining of parts, only when
 * storage holds such takes: most pages never fetch it.
 */
import type { CaptureController } from '../capture/capture-controller.js';
import type { TakeCapture } from '../capture/take-capture.js';
import type { MachineEvent } from '../state/machine.js';
import { planRestore, type RestorePlan } from '../state/restore-plan.js';
import type { JournalPosition } from '../storage/chunk-journal.js';
import type { RecoverableRecording } from '../storage/restore.js';
import type { FlowOptions, FlowSettings } from './flow-types.js';
import type { PauseFlow } from './pause-controller.js';
import { sortFound } from './restore-parts.js';

/** The flow controller, as restoring sees it. */
export interface RestoreContext {
  readonly settings: FlowSettings;
  readonly options: FlowOptions;
  readonly capture: CaptureController;
  /** Nothing recorded or restored on this page yet: an offer still fits (re-read after every wait). */
  readonly fresh: boolean;
  apply(event: MachineEvent): boolean;
  /**
   * Takes the flow holds again, with the URLs that already have them and when
   * the first was recorded; `offer`: shown as found takes to upload or discard
   * (a take restored paused is not: it carries on).
   */
  adopt(plan: RestorePlan, startedAt: number, offer: boolean): void;
  continueTake(entry: RecoverableRecording, position: JournalPosition): void;
  pauses(): Promise<PauseFlow>;
  /** With `auto-submit`, a complete set uploads at once. */
  submitIfReady(): void;
}

export async function restoreFound(ctx: RestoreContext, all: readonly RecoverableRecording[]): Promise<void> {
  const sorted = await sortFound(all).catch(() => undefined);
  // Recording began (or a restore landed) while the parts were joined: this offer is stale.
  if (!sorted || !ctx.fresh) return;
  const { finished, paused } = sorted;
  const plan = planRestore(finished, ctx.settings.steps, ctx.settings.minSpeechSeconds);
  if (paused) {
    // Without its pause flow and the capture engine a paused take cannot be resumed: the next page load offers it again.
    const loaded = await Promise.all([ctx.pauses(), ctx.capture.prepare()]).catch(() => undefined);
    if (loaded && ctx.fresh) restorePaused(ctx, paused, plan, ...loaded);
    return;
  }
  if (!ctx.apply({ type: 'restored', takes: plan.summaries })) return;
  ctx.adopt(plan, plan.startedAt, true);
  for (const detail of plan.details) ctx.options.emit('thymia-restored', detail);
  ctx.submitIfReady();
}

function restorePaused(ctx: RestoreContext, entry: RecoverableRecording, plan: RestorePlan, pauses: PauseFlow, take: TakeCapture): void {
  const marker = entry.paused!;
  if (!ctx.apply({ type: 'restored-paused', step: entry.recording, reason: marker.reason, takes: plan.summaries })) return;
  ctx.adopt(plan, Math.min(plan.startedAt, entry.createdAt), false);
  const durationSeconds = marker.durationSeconds;
  const speechSeconds = Math.max(marker.speechSeconds, entry.speechSeconds);
  take.adopt(entry.parts!.map((bytes) => new Blob([bytes], { type: entry.mimeType })), durationSeconds, speechSeconds, marker.partSeconds);
  pauses.reset(marker.pauses, { reason: marker.reason, atSeconds: marker.atSeconds });
  ctx.continueTake(entry, entry.position!);
  for (const detail of plan.details) ctx.options.emit('thymia-restored', detail);
  const ageSeconds = Math.max(0, Math.round((Date.now() - entry.createdAt) / 1000 - durationSeconds));
  ctx.options.emit('thymia-restored', { recording: entry.recording, durationSeconds, speechSeconds, ageSeconds });
}
