/**
 * What the panel's views share: the context every view renders from, the
 * button and speech meter they draw, and the Apollo review of both takes.
 * Both the main panel (recording-panel.ts) and the on-demand take views
 * (take-views.ts) build on it, so neither imports the other.
 */
import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { AudioInput } from '../capture/devices.js';
import type { FlowSnapshot } from '../flow/flow-controller.js';
import type { PlaybackController } from '../flow/playback-controller.js';
import type { Translate } from '../i18n/messages.js';
import { readyToSubmit, type Phase, type RecordingName } from '../state/machine.js';
import type { ActivityMode } from './activity-handoff.js';
import type { Announcement } from './announcer.js';
import type { renderApolloPrompt, renderStepIndicator } from './apollo-steps.js';
import type { ResultsMode } from './results-mode.js';

/**
 * The on-demand protocol views (protocol-views.ts), as the panel and the
 * element call them: Apollo's steps, what follows Record (upload, analysis,
 * results) and the sentences the live region says.
 */
export interface ProtocolViews {
  readonly styles: CSSResult;
  readonly renderApolloPrompt: typeof renderApolloPrompt;
  readonly renderStepIndicator: typeof renderStepIndicator;
  readonly phaseViews: { readonly [Name in 'uploading' | 'processing' | 'complete']: PhaseView };
  readonly announcementFor: Announcement;
}

/** What the person can ask for; the element routes each to the flow. */
export interface PanelActions {
  readonly start: () => void;
  readonly stop: () => void;
  readonly submit: () => void;
  readonly reset: () => void;
  readonly next: () => void;
  readonly continue: () => void;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly retake: (step?: RecordingName) => void;
  readonly undoRetake: () => void;
  readonly retryPoll: () => void;
}

/** The capture's live readings while recording. */
export interface LiveReadings {
  readonly elapsedSeconds: number;
  readonly speechSeconds: number;
  /** 0 … 1. */
  readonly level: number;
}

export interface PanelContext {
  readonly snapshot: FlowSnapshot;
  readonly live: LiveReadings;
  readonly t: Translate;
  readonly lang: string;
  readonly model: string;
  readonly minSpeechSeconds: number;
  readonly maxSeconds: number;
  readonly following: boolean;
  readonly activityMode: ActivityMode;
  readonly hostMode: ResultsMode | undefined;
  readonly isSent: (step: RecordingName) => boolean;
  readonly actions: PanelActions;
  /** Apollo steps, results and hand-offs: loaded on demand, absent on a Helios page until needed. */
  readonly views: ProtocolViews | undefined;
  /** Consent, sleep times, microphone choice, the recorded take: loaded when one is wanted. */
  readonly takeViews: TakeViews | undefined;
  /** Listening back to takes: made when the take views arrive. */
  readonly playback: PlaybackController | undefined;
  readonly preflight: PreflightView;
}

/** Before recording: consent, sleep times and the microphone choice. */
export interface PreflightView {
  readonly requireConsent: boolean;
  readonly consentAccepted: boolean;
  /** Shown when the page puts nothing in slot `consent`. */
  readonly defaultConsentText: string;
  readonly onConsent: (accepted: boolean) => void;
  readonly askSleep: boolean;
  readonly sleepInput: string;
  readonly wakeInput: string;
  readonly onSleep: (value: string) => void;
  readonly onWake: (value: string) => void;
  readonly inputs: readonly AudioInput[];
  readonly selectedDevice: string | undefined;
  readonly onSelectDevice: (deviceId: string) => void;
}

/**
 * The on-demand take views (take-views.ts), as the panel calls them:
 * consent and sleep times before the first take, the microphone choice,
 * and the whole `recorded` phase (review, quality warning, restore offer).
 */
export interface TakeViews {
  readonly renderPreflight: (ctx: PanelContext) => Part;
  readonly renderDeviceChoice: (ctx: PanelContext) => Part;
  readonly renderTakes: (ctx: PanelContext, options?: { retake?: boolean }) => Part;
  readonly recordedView: PhaseView;
  readonly recordingView: PhaseView;
  readonly renderRecordedTitle: (ctx: PanelContext) => Part;
  readonly PlaybackController: typeof PlaybackController;
}

export type Part = TemplateResult | typeof nothing;
export interface PhaseView {
  readonly body: (ctx: PanelContext) => Part;
  readonly controls: (ctx: PanelContext) => Part;
}
type PhaseOf<Name extends Phase['name']> = Extract<Phase, { name: Name }>;

export function phaseOf<Name extends Phase['name']>(ctx: PanelContext, _name: Name): PhaseOf<Name> {
  return ctx.snapshot.machine.phase as PhaseOf<Name>;
}

/** Every take, each with its playback and Retake, after a failed upload (the takes views load with the first take). */
export function renderReview(ctx: PanelContext): Part {
  if (!readyToSubmit(ctx.snapshot.machine)) return nothing;
  return ctx.takeViews?.renderTakes(ctx) ?? nothing;
}

export function button(
  part: string,
  label: string,
  onClick: () => void,
  options: { primary?: boolean; disabled?: boolean; /** The accessible name, when the visible label needs context. */ label?: string; describedBy?: string } = {},
): TemplateResult {
  return html`<button
    type="button"
    part=${part}
    class=${options.primary ? 'primary' : ''}
    ?disabled=${options.disabled ?? false}
    aria-label=${options.label ?? nothing}
    aria-describedby=${options.describedBy ?? nothing}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

/** The microphone choice, once there is more than one input (and its view has loaded). */
export function renderDeviceSelect(ctx: PanelContext): Part {
  return ctx.takeViews?.renderDeviceChoice(ctx) ?? nothing;
}
