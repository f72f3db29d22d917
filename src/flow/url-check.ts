/**
 * The URL attributes a job is about to use, checked against the URL policy
 * before any request: a refused one fails the job with `missing-config`
 * naming the attribute, and nothing is sent to it.
 */
import { checkUrl } from '../api/url-policy.js';
import type { RecordingName } from '../state/machine.js';

export const UPLOAD_URL_ATTRIBUTE = {
  main: 'upload-url',
  moodQuestion: 'mood-question-upload-url',
  readAloud: 'read-aloud-upload-url',
} as const satisfies Record<RecordingName, string>;

export interface UrlSettings {
  readonly steps: readonly RecordingName[];
  readonly statusUrl: string | undefined;
  readonly sessionUrl: string | undefined;
  readonly uploadUrls: Partial<Record<RecordingName, string>>;
}

/** Before a submission: the session URL wins; otherwise every static upload URL and the status URL. */
export function checkSubmissionUrls(settings: UrlSettings): void {
  if (settings.sessionUrl) {
    checkUrl(settings.sessionUrl, 'session-url');
    return;
  }
  for (const step of settings.steps) {
    const url = settings.uploadUrls[step];
    if (url) checkUrl(url, UPLOAD_URL_ATTRIBUTE[step]);
  }
  if (settings.statusUrl) checkUrl(settings.statusUrl, 'status-url');
}

/** Before polling (or following): the status URL the host set, or the session that mints one. */
export function checkStatusUrls(settings: UrlSettings, minted: boolean): void {
  if (settings.sessionUrl && !minted) checkUrl(settings.sessionUrl, 'session-url');
  else if (settings.statusUrl && !minted) checkUrl(settings.statusUrl, 'status-url');
}
