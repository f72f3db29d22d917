/**
 * Whether this page may play `blob:` media. A Content-Security-Policy whose
 * `media-src` (or `default-src`) leaves out `blob:` blocks it, and trying on
 * the page itself would fire `securitypolicyviolation` there (hosts watch for
 * those). So the probe runs once per page inside a blank, invisible frame:
 * it inherits the page's policy, and a refusal is reported in that frame's
 * document, not the page's. (A policy with `report-uri` still reports it.)
 */

/** The smallest playable WAV: a 44-byte header and one silent 8-bit sample at 8 kHz. */
function tinyWav(): Blob {
  const bytes = new Uint8Array(45);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 37, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, 1, true);
  view.setUint8(44, 128);
  return new Blob([bytes], { type: 'audio/wav' });
}

const PROBE_TIMEOUT_MS = 4000;
let answer: Promise<boolean> | undefined;

/** Resolves true when `blob:` audio loads here; false when the page's policy (or anything else) stops it. */
export function blobMediaAllowed(): Promise<boolean> {
  answer ??= probe();
  return answer;
}

function probe(): Promise<boolean> {
  if (typeof URL.createObjectURL !== 'function' || !document.body) return Promise.resolve(false);
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Off screen through the CSSOM: a strict style-src refuses style attributes, not element.style.
  Object.assign(frame.style, { position: 'fixed', width: '1px', height: '1px', left: '-10px', top: '-10px', border: '0', opacity: '0' });
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) {
    frame.remove();
    return Promise.resolve(false);
  }
  const url = URL.createObjectURL(tinyWav());
  return new Promise<boolean>((resolve) => {
    const audio = doc.createElement('audio');
    let refused = false;
    let settled = false;
    const done = (allowed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      audio.removeAttribute('src');
      frame.remove();
      URL.revokeObjectURL(url);
      resolve(allowed);
    };
    const timer = setTimeout(() => done(false), PROBE_TIMEOUT_MS);
    doc.addEventListener('securitypolicyviolation', () => {
      refused = true;
      done(false);
    });
    audio.addEventListener('loadedmetadata', () => done(!refused));
    // A refusal may be reported just after the error: give it a moment before calling the engine unable.
    audio.addEventListener('error', () => setTimeout(() => done(false), 50));
    audio.preload = 'metadata';
    audio.src = url;
    doc.body?.append(audio);
    audio.load();
  });
}
