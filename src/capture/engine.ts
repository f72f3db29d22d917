/**
 * The capture engine proper (speech detection, recorder, quality check),
 * loaded when the person presses Record, while the permission prompt is
 * open: a page that is only looked at never downloads it.
 */
export { AudioAnalyser } from './audio-analyser.js';
export { AudioRecorder } from './recorder.js';
export { watchInterruptions } from './interruptions.js';
export { ScreenWakeLock } from './wake-lock.js';
export { verifySpeechWorklet } from './worklet-integrity.js';
export { TakeCapture } from './take-capture.js';
