import { ERROR_CODES, RecorderError } from '../errors.js';

/**
 * The model analyses the raw voice: browser echo cancellation, noise
 * suppression and gain control reshape pitch, pauses and loudness.
 */
export const RAW_VOICE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

export function isCaptureSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof MediaRecorder !== 'undefined'
  );
}

/**
 * Asks for the microphone. Call it synchronously from the click handler:
 * iOS only grants capture inside the user gesture.
 */
export function requestMicrophone(): Promise<MediaStream> {
  if (!isCaptureSupported()) {
    return Promise.reject(new RecorderError(ERROR_CODES.unsupportedBrowser, 'unsupported-browser'));
  }
  return navigator.mediaDevices.getUserMedia({ audio: RAW_VOICE_CONSTRAINTS, video: false }).catch((error: unknown) => {
    throw toMicrophoneError(error);
  });
}

export function toMicrophoneError(error: unknown): RecorderError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new RecorderError(ERROR_CODES.micPermissionDenied, name, { cause: error });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new RecorderError(ERROR_CODES.micNotFound, name, { cause: error });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new RecorderError(ERROR_CODES.micLost, name, { cause: error });
    default:
      return new RecorderError(ERROR_CODES.micNotFound, name || 'getUserMedia failed', { cause: error });
  }
}

export function stopStream(stream: MediaStream | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}
