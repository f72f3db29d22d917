import { ERROR_CODES, type ErrorCode } from '../errors.js';

/**
 * What stops recording before the person even tries, found on connect so the
 * element can say so plainly instead of failing at the Record button.
 */
export const DIAGNOSIS_REASONS = {
  insecureContext: 'insecure-context',
  noMediaRecorder: 'no-media-recorder',
  noGetUserMedia: 'no-get-user-media',
  permissionsPolicy: 'permissions-policy',
} as const;
export type DiagnosisReason = (typeof DIAGNOSIS_REASONS)[keyof typeof DIAGNOSIS_REASONS];

export interface Diagnosis {
  readonly code: ErrorCode;
  readonly reason: DiagnosisReason;
}

interface PolicyLike {
  allowsFeature(feature: string, origin?: string): boolean;
}

/** The globals the diagnosis reads; a test can hand in others. */
export interface DiagnosisEnvironment {
  readonly isSecureContext?: boolean;
  readonly MediaRecorder?: unknown;
  readonly navigator?: { readonly mediaDevices?: { readonly getUserMedia?: unknown } };
  readonly document?: { readonly permissionsPolicy?: PolicyLike; readonly featurePolicy?: PolicyLike };
}

/**
 * The first thing that rules recording out, or undefined when nothing we can
 * see does (the person may still refuse the microphone). Order matters:
 * browsers hide `mediaDevices` from insecure pages, so that is said first.
 */
export function diagnose(environment: DiagnosisEnvironment = globalThis as DiagnosisEnvironment): Diagnosis | undefined {
  if (environment.isSecureContext === false) {
    return { code: ERROR_CODES.unsupportedBrowser, reason: DIAGNOSIS_REASONS.insecureContext };
  }
  if (typeof environment.MediaRecorder !== 'function') {
    return { code: ERROR_CODES.unsupportedBrowser, reason: DIAGNOSIS_REASONS.noMediaRecorder };
  }
  if (typeof environment.navigator?.mediaDevices?.getUserMedia !== 'function') {
    return { code: ERROR_CODES.unsupportedBrowser, reason: DIAGNOSIS_REASONS.noGetUserMedia };
  }
  if (microphoneAllowed(environment.document) === false) {
    return { code: ERROR_CODES.micPermissionDenied, reason: DIAGNOSIS_REASONS.permissionsPolicy };
  }
  return undefined;
}

/**
 * Whether the document's Permissions-Policy lets it use the microphone: a
 * cross-origin iframe needs `allow="microphone"`. Undefined where the browser
 * does not expose the policy (Firefox, Safari): then only asking will tell.
 */
export function microphoneAllowed(document: DiagnosisEnvironment['document']): boolean | undefined {
  const policy = document?.permissionsPolicy ?? document?.featurePolicy;
  if (!policy || typeof policy.allowsFeature !== 'function') return undefined;
  try {
    return policy.allowsFeature('microphone');
  } catch {
    return undefined;
  }
}
