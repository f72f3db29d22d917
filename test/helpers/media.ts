/** What a page can learn about recorded audio and the bytes it sends, in any browser. */

/** The bodies of every PUT the page sends through XMLHttpRequest while capturing (the element's uploads). */
export function captureUploads() {
  const bodies: Blob[] = [];
  const { open, send } = XMLHttpRequest.prototype;
  const methods = new WeakMap<XMLHttpRequest, string>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, ...rest: unknown[]) {
    methods.set(this, method.toUpperCase());
    return (open as (...args: unknown[]) => void).call(this, method, ...rest);
  };
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (methods.get(this) === 'PUT' && body instanceof Blob) bodies.push(body);
    return send.call(this, body);
  };
  return {
    bodies,
    restore() {
      XMLHttpRequest.prototype.open = open;
      XMLHttpRequest.prototype.send = send;
    },
  };
}

/** Seconds of audio the browser's own decoder finds in the bytes (no audio output needed). */
export async function decodedSeconds(audio: Blob): Promise<number> {
  const context = new OfflineAudioContext(1, 1, 44_100);
  const buffer = await context.decodeAudioData(await audio.arrayBuffer());
  return buffer.duration;
}

export const engine = (): 'chromium' | 'firefox' | 'webkit' => {
  const agent = navigator.userAgent;
  if (agent.includes('Firefox/')) return 'firefox';
  if (agent.includes('Chrome/') || agent.includes('Chromium/')) return 'chromium';
  return 'webkit';
};

/** The containers each engine records: WebM/Opus (Chromium), WebM or Ogg/Opus (Firefox), MP4/AAC (WebKit). */
export const EXPECTED_CONTAINERS = { chromium: ['audio/webm'], firefox: ['audio/webm', 'audio/ogg'], webkit: ['audio/mp4'] } as const;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));


/**
 * The most audio a fake microphone starved of CPU was seen to drop in one take (a busy 2-core CI machine:
 * 0.97–1.02 s short of 3.5–4.8 s): less than any part of the interruption tests' takes (≥ 1.5 s).
 */
export const STARVED_FAKE_MIC_SECONDS = 1.2;
