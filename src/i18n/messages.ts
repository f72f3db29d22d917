import { PROTOCOL_EN, PROTOCOL_ES } from './messages-protocol.js';
import { RESILIENCE_EN, RESILIENCE_ES } from './messages-resilience.js';

/**
 * Every string the person sees. English is complete; other languages fall
 * back to it key by key.
 */
export const EN = {
  ...PROTOCOL_EN,
  ...RESILIENCE_EN,
  instructionsHelios:
    'Find a quiet place. Press Record and talk naturally about your day — how you slept, what you did, what is coming up. Keep talking until the speech bar is full.',
  record: 'Record',
  recordAgain: 'Record again',
  stop: 'Stop',
  submit: 'Submit',
  submitting: 'Submitting…',
  finishAndSubmit: 'Finish & submit',
  retake: 'Retake',
  continueRecording: 'Continue recording',
  tryAgain: 'Try again',
  requestingPermission: 'Waiting for microphone permission…',
  recording: 'Recording',
  speechProgress: 'Speech: {speech} of {min} s',
  speechEnough: 'That is enough speech — you can submit now, or keep going.',
  speechNeedMore: 'Keep talking — {remaining} s of speech still needed.',
  stoppedTooEarly:
    'We heard about {speech} s of speech, and need {min} s. Continue recording to add to it, or retake from the start.',
  autoStopped: 'Recording stopped at the {max} limit.',
  autoStoppedTooShort:
    'Recording stopped at the {max} limit with only {speech} s of speech. Please retake and talk a little more continuously.',
  reviewReady: 'Recording ready: {duration}, with {speech} s of speech.',
  uploading: 'Uploading your recording…',
  uploadRetrying: 'Connection lost — retrying…',
  processing: 'Analysing your recording. This usually takes under a minute.',
  complete: 'Thank you — your recording has been analysed.',
  levelMeter: 'Microphone level',
  timer: 'Elapsed time',
  uploadProgress: 'Upload progress',
  // thymia errorCode → neutral, actionable advice (never thymia's errorReason).
  ERR_RECORDING_TOO_SHORT:
    'We did not hear quite enough speech. Please record again and keep talking a little longer.',
  ERR_TRANSCRIPTION_FAILED:
    'We could not pick up your voice clearly. Check that your microphone is connected and not muted, then record again somewhere quiet.',
  ERR_RECORDING_TOO_LONG: 'The recording was longer than 3 minutes. Please record again and keep it shorter.',
  ERR_RECORDING_INVALID_FORMAT:
    'Your recording could not be read. Please record again; if it keeps happening, try another browser.',
  ERR_INTERNAL: 'Something went wrong while analysing your recording. Please try again in a moment.',
  modelErrorUnknown: 'Your recording could not be analysed. Please record again.',
  // Element error codes → messages.
  'mic-permission-denied':
    'Microphone access was blocked. Allow the microphone for this site in your browser settings, then try again.',
  'mic-not-found': 'No microphone was found. Connect a microphone and try again.',
  'mic-lost': 'The microphone stopped working during the recording. What was recorded so far has been kept.',
  'unsupported-browser': 'This browser cannot record audio. Please use a recent version of Chrome, Edge, Firefox or Safari.',
  'too-short': 'Not enough speech yet.',
  'missing-config': 'This page is not set up to send recordings yet. Your recording is kept; please try again later.',
  'upload-failed': 'Your recording could not be sent. It is kept on this device — check your connection and try again.',
  'upload-url-expired':
    'The upload link has expired. Your recording is kept on this device; please reload the page or try again later.',
  'status-failed': 'We could not check on your results. Please try again in a moment.',
  'invalid-status-response': 'We received an unexpected answer while waiting for results. Please try again later.',
  'model-error': 'Your recording could not be analysed. Please record again.',
  'data-deleted': 'These results are no longer available. They may have been deleted as agreed.',
  'storage-failed': 'Your recording could not be saved on this device; please do not close this page until it is sent.',
  // Results.
  resultsHeading: 'Your wellbeing snapshot',
  resultsDisclaimer:
    'These scores describe how your voice sounded today compared with people like you. They are a wellbeing indicator, not a medical diagnosis.',
  mentalStrain: 'Overall mental strain',
  distress: 'Distress',
  stress: 'Stress',
  exhaustion: 'Exhaustion',
  sleepPropensity: 'Sleepiness',
  lowSelfEsteem: 'Low self-esteem',
  bucketLow: 'Low',
  bucketModeratelyLow: 'Moderately low',
  bucketModeratelyHigh: 'Moderately high',
  bucketHigh: 'High',
  warningsHeading: 'Please read with caution',
  transcriptHeading: 'What we heard',
  scoreOutOf: '{value} out of 100',
} as const;

export type MessageKey = keyof typeof EN;
type Messages = { readonly [Key in MessageKey]: string };

const ES: Partial<Messages> = {
  ...PROTOCOL_ES,
  ...RESILIENCE_ES,
  record: 'Grabar',
  recordAgain: 'Grabar de nuevo',
  stop: 'Detener',
  submit: 'Enviar',
  retake: 'Repetir',
  continueRecording: 'Seguir grabando',
  tryAgain: 'Reintentar',
  recording: 'Grabando',
  speechProgress: 'Habla: {speech} de {min} s',
  uploading: 'Subiendo la grabación…',
  processing: 'Analizando la grabación. Suele tardar menos de un minuto.',
  complete: 'Gracias: la grabación se ha analizado.',
};

const CATALOGUES: Record<string, Partial<Messages>> = { en: EN, es: ES };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: string | undefined): Translate {
  const primary = (lang ?? 'en').toLowerCase().split('-')[0];
  const catalogue = CATALOGUES[primary] ?? EN;
  return (key, values) => {
    const template = catalogue[key] ?? EN[key];
    return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)) : template;
  };
}

export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
