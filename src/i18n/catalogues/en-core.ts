/**
 * English, first part: every string a plain Helios page can show before
 * the person presses Record (the prompt, Record and Stop, the clock, the
 * microphone check, why a page cannot record, and every
 * element error, so a `thymia-error` always has its message even when the
 * rest of the strings could not be fetched). It is the only text in the main
 * bundle; `en-rest.ts` holds the rest and loads when Record is pressed or a
 * view needs it. `en.ts` joins the two.
 *
 * Existing strings are kept byte for byte: tests and hosts' docs quote them.
 */
export const enCore = {
  // Helios recording.
  instructionsHelios: 'Press Record and talk about your day until the speech bar is full.',
  record: 'Record',
  recordAgain: 'Record again',
  stop: 'Stop',
  tryAgain: 'Try again',
  requestingPermission: 'Waiting for microphone permission…',
  recording: 'Recording',
  stoppedTooEarly:
    'We heard about {speech} s of speech, and need {min} s. Continue recording to add to it, or retake from the start.',
  autoStoppedTooShort:
    'Recording stopped at the {max} limit with only {speech} s of speech. Please retake and talk a little more continuously.',
  timer: 'Elapsed time',
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
  // Microphone check and choice.
  micSilent: "We can't hear anything from your microphone. Check it is not muted, or choose another microphone.",
  // What rules recording out before the person tries (self-diagnosis).
  insecureContext:
    'The browser allows the microphone only on secure (https) pages, and this page is not one. Please let the site know.',
  noMediaRecorder: 'This browser cannot record audio. Please update it, or use a recent version of Chrome, Edge, Firefox or Safari.',
  permissionsPolicy: 'The page this recorder is shown in does not allow it to use the microphone. Please let the site know.',
  // Phone flow: listening back, one path per step, titles, endings.
  instructionsHeliosMore: 'Find a quiet place and talk naturally — how you slept, what you did, what is coming up. There are no right or wrong answers.',
  moreTips: 'Tips',
  titleHelios: 'Talk about your day',
} satisfies Record<string, string>;
