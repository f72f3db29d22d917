/**
 * Container/codec pairs thymia accepts, best first. Chromium records WebM
 * (and MP4) with Opus, Firefox Ogg/Opus, Safari MP4/AAC.
 */
export const PREFERRED_MIME_TYPES = [
  'audio/webm;codecs=opus',
  'audio/ogg;codecs=opus',
  'audio/mp4;codecs=mp4a.40.2',
  'audio/mp4',
  'audio/webm',
  'audio/ogg',
] as const;

export function negotiateMimeType(isSupported: (type: string) => boolean): string | undefined {
  return PREFERRED_MIME_TYPES.find((type) => isSupported(type));
}

/** `audio/webm;codecs=opus` → `audio/webm`: the upload's Content-Type. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase() || 'application/octet-stream';
}

/**
 * How long a recorder must keep running after a pause or stop request so
 * that the audio up to the request is in the file. MP4 is written in
 * fragments (WebKit's GStreamer recorder: 1 s each) and only finished
 * fragments are reliably delivered: the one in progress may be dropped when
 * the recorder pauses or stops. One fragment plus a margin for the encoder
 * finishes it. WebM and Ogg deliver everything on stop.
 */
export function fragmentSettleMs(mimeType: string): number {
  return baseMimeType(mimeType).endsWith('/mp4') ? 1250 : 0;
}
