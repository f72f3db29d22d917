/**
 * The recorder's lifecycle as a pure state machine: no DOM, no timers, no I/O.
 * The element feeds it events and performs the side effects each new state
 * asks for; tests drive it directly.
 */
import type { RecorderErrorDetail } from '../errors.js';
import type { PauseReason } from './pauses.js';

export const RECORDER_STATES = [
  'idle',
  'requesting-permission',
  'recording',
  'recorded',
  'uploading',
  'processing',
  'complete',
  'error',
] as const;
export type RecorderStateName = (typeof RECORDER_STATES)[number];

export const RECORDING_NAMES = ['main', 'moodQuestion', 'readAloud'] as const;
export type RecordingName = (typeof RECORDING_NAMES)[number];

/** What the person has recorded for one step, as far as the machine cares. */
export interface TakeSummary {
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  /** Holds at least the minimum speech. */
  readonly enough: boolean;
}

/** What a "try again" in the error state should do. */
export const RETRY_ACTIONS = { record: 'record', submit: 'submit', poll: 'poll', none: 'none' } as const;
export type RetryAction = (typeof RETRY_ACTIONS)[keyof typeof RETRY_ACTIONS];

export type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'requesting-permission' }
  /** `paused`: the take is interrupted (or paused by the person) and waits for Resume; it is still this take. */
  | { readonly name: 'recording'; readonly paused?: PauseReason }
  /** `final` is false while the recorder is only paused, so the person can continue. */
  | { readonly name: 'recorded'; readonly final: boolean }
  | { readonly name: 'uploading' }
  | { readonly name: 'processing' }
  | { readonly name: 'complete' }
  | { readonly name: 'error'; readonly error: RecorderErrorDetail; readonly retry: RetryAction };

export interface MachineState {
  readonly phase: Phase;
  /** The recordings this protocol needs, in order. */
  readonly steps: readonly RecordingName[];
  readonly stepIndex: number;
  readonly takes: Readonly<Partial<Record<RecordingName, TakeSummary>>>;
}

export type MachineEvent =
  | { readonly type: 'start' }
  | { readonly type: 'permission-granted' }
  | { readonly type: 'stopped'; readonly take: TakeSummary; readonly final: boolean }
  | { readonly type: 'continue' }
  /** The take pauses mid-recording (the person, or an interruption); only Resume carries it on. */
  | { readonly type: 'pause'; readonly reason: PauseReason }
  | { readonly type: 'resume' }
  | { readonly type: 'retake'; readonly step?: RecordingName }
  | { readonly type: 'next-step' }
  | { readonly type: 'submit' }
  | { readonly type: 'uploaded' }
  /** After a polling failure: the upload landed, only the answer is outstanding. */
  | { readonly type: 'resume-polling' }
  /** Nothing to record here (a voice-agent call, an activity elsewhere): wait for the result. */
  | { readonly type: 'follow' }
  | { readonly type: 'completed' }
  | { readonly type: 'failed'; readonly error: RecorderErrorDetail; readonly retry: RetryAction }
  | { readonly type: 'reset' }
  /** Takes kept in storage by an earlier page, offered back for upload (never continuable). */
  | { readonly type: 'restored'; readonly takes: Readonly<Partial<Record<RecordingName, TakeSummary>>> }
  /** A take an earlier page left paused: back to that step, still recording and paused (the other steps' takes as given). */
  | { readonly type: 'restored-paused'; readonly step: RecordingName; readonly reason: PauseReason; readonly takes: Readonly<Partial<Record<RecordingName, TakeSummary>>> };

export function initialState(steps: readonly RecordingName[]): MachineState {
  return { phase: { name: 'idle' }, steps, stepIndex: 0, takes: {} };
}

export function currentStep(state: MachineState): RecordingName {
  return state.steps[state.stepIndex];
}

/** Every step has a take with enough speech. */
export function readyToSubmit(state: MachineState): boolean {
  return state.steps.every((step) => state.takes[step]?.enough === true);
}

export function hasNextStep(state: MachineState): boolean {
  return state.stepIndex < state.steps.length - 1;
}

function withoutTake(
  takes: MachineState['takes'],
  step: RecordingName,
): MachineState['takes'] {
  const next = { ...takes };
  delete next[step];
  return next;
}

/**
 * Returns the next state, or the same object when the event does not apply
 * in the current phase (callers compare by identity to know nothing happened).
 */
export function transition(state: MachineState, event: MachineEvent): MachineState {
  const { phase } = state;
  switch (event.type) {
    case 'start':
      if (phase.name === 'idle' || (phase.name === 'error' && phase.retry === 'record')) {
        return { ...state, phase: { name: 'requesting-permission' } };
      }
      return state;
    case 'permission-granted':
      return phase.name === 'requesting-permission' ? { ...state, phase: { name: 'recording' } } : state;
    case 'stopped':
      // A paused take can be finalised too (its microphone went away while paused).
      if (phase.name !== 'recording' && !(phase.name === 'recorded' && !phase.final)) return state;
      return {
        ...state,
        phase: { name: 'recorded', final: event.final },
        takes: { ...state.takes, [currentStep(state)]: event.take },
      };
    case 'pause':
      return phase.name === 'recording' && !phase.paused ? { ...state, phase: { name: 'recording', paused: event.reason } } : state;
    case 'resume':
      return phase.name === 'recording' && phase.paused ? { ...state, phase: { name: 'recording' } } : state;
    case 'continue':
      return phase.name === 'recorded' && !phase.final ? { ...state, phase: { name: 'recording' } } : state;
    case 'retake': {
      const canRetake =
        phase.name === 'recorded' ||
        phase.name === 'idle' ||
        (phase.name === 'error' && phase.retry !== 'poll' && phase.retry !== 'none');
      if (!canRetake) return state;
      const step = event.step ?? currentStep(state);
      const index = state.steps.indexOf(step);
      if (index < 0) return state;
      return { ...state, phase: { name: 'idle' }, stepIndex: index, takes: withoutTake(state.takes, step) };
    }
    case 'next-step': {
      const current = state.takes[currentStep(state)];
      if (phase.name !== 'recorded' || !current?.enough || !hasNextStep(state)) return state;
      // Skip steps already recorded (a retake of an earlier step sends the person back here).
      let index = state.stepIndex + 1;
      while (index < state.steps.length - 1 && state.takes[state.steps[index]]?.enough) index += 1;
      return { ...state, phase: { name: 'idle' }, stepIndex: index };
    }
    case 'submit': {
      const fromRecorded = phase.name === 'recorded' && readyToSubmit(state);
      const fromError = phase.name === 'error' && phase.retry === 'submit' && readyToSubmit(state);
      return fromRecorded || fromError ? { ...state, phase: { name: 'uploading' } } : state;
    }
    case 'uploaded':
      return phase.name === 'uploading' ? { ...state, phase: { name: 'processing' } } : state;
    case 'resume-polling':
      return phase.name === 'error' && phase.retry === 'poll' ? { ...state, phase: { name: 'processing' } } : state;
    case 'follow':
      return phase.name === 'idle' ? { ...state, phase: { name: 'processing' } } : state;
    case 'completed':
      return phase.name === 'processing' ? { ...state, phase: { name: 'complete' } } : state;
    case 'failed':
      if (phase.name === 'idle' || phase.name === 'complete') return state;
      return { ...state, phase: { name: 'error', error: event.error, retry: event.retry } };
    case 'reset':
      return initialState(state.steps);
    case 'restored-paused': {
      const index = state.steps.indexOf(event.step);
      if (phase.name !== 'idle' || Object.keys(state.takes).length || index < 0) return state;
      const takes: MachineState['takes'] = Object.fromEntries(state.steps.filter((step) => step !== event.step && event.takes[step]).map((step) => [step, event.takes[step]]));
      return { ...state, phase: { name: 'recording', paused: event.reason }, stepIndex: index, takes };
    }
    case 'restored': {
      if (phase.name !== 'idle' || Object.keys(state.takes).length) return state;
      // Land on the last restored step, so an Apollo person continues from there.
      const restored = state.steps.filter((step) => event.takes[step]);
      if (!restored.length) return state;
      const takes: MachineState['takes'] = Object.fromEntries(restored.map((step) => [step, event.takes[step]]));
      return { ...state, phase: { name: 'recorded', final: true }, stepIndex: state.steps.indexOf(restored.at(-1)!), takes };
    }
  }
}
