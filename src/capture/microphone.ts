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
 * Asks for the microphone — the chosen one when `deviceId` is given. Call it
 * synchronously from the click handler: iOS only grants capture inside the
 * user gesture. A remembered device that is gone (unplugged, ids reset) is
 * not an error: the browser's default is used instead.
 */
export function requestMicrophone(deviceId?: string): Promise<MediaStream> {
  if (!isCaptureSupported()) {
    return Promise.reject(new RecorderError(ERROR_CODES.unsupportedBrowser, 'unsupported-browser'));
  }
  const ask = (audio: MediaTrackConstraints) => navigator.mediaDevices.getUserMedia({ audio, video: false });
  const request = deviceId
    ? ask({ ...RAW_VOICE_CONSTRAINTS, deviceId: { exact: deviceId } }).catch((error: unknown) => {
        if (!isDeviceGone(error)) throw error;
        return ask(RAW_VOICE_CONSTRAINTS);
      })
    : ask(RAW_VOICE_CONSTRAINTS);
  return request.catch((error: unknown) => {
    throw toMicrophoneError(error);
  });
}

function isDeviceGone(error: unknown): boolean {
  // Older Chromium rejects with an OverconstrainedError that is no Error at all.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'OverconstrainedError' || name === 'NotFoundError';
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
