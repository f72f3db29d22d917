import { expect } from '@open-wc/testing';
import { joinParts } from '../../src/capture/join-parts.js';
import { negotiateMimeType } from '../../src/capture/mime.js';
import { decodedSeconds, engine, sleep } from '../helpers/media.js';

/**
 * A source to record: a tone, or in WebKit (which starts no AudioContext without a gesture) its fake
 * microphone. Chromium's unit group has no fake device: there getUserMedia may answer with a silent stream.
 */
async function audioSource(): Promise<{ stream: MediaStream; close: () => Promise<void> }> {
  const microphone = engine() === 'webkit' ? await navigator.mediaDevices.getUserMedia({ audio: true }) : undefined;
  if (microphone) return { stream: microphone, close: async () => microphone.getTracks().forEach((track) => track.stop()) };
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  await context.resume();
  return { stream: destination.stream, close: () => context.close() };
}

let source: Awaited<ReturnType<typeof audioSource>>;

/** About `ms` recorded by this engine's MediaRecorder: one part of a take, as a recorder stops it (one source for all). */
async function recordPart(ms: number): Promise<Blob> {
  const { stream } = source;
  const mimeType = negotiateMimeType((type) => MediaRecorder.isTypeSupported(type));
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
  recorder.start(250);
  await sleep(ms);
  recorder.stop();
  await stopped;
  return new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type });
}

describe(`joinParts: one take's parts become one file (${engine()})`, () => {
  before(async () => {
    source = await audioSource();
    // On a loaded machine the source's first second can be empty (the audio thread not yet running): wait for sound.
    for (let attempt = 0; attempt < 10 && (await recordPart(500)).size < 200; attempt += 1);
  });
  after(() => source.close());

  it('the joined file decodes to the parts together, in the container they were recorded in', async () => {
    // Each over a second: WebKit's MP4 recorder writes 1 s fragments, and a shorter recording may hold none.
    const parts = [await recordPart(1500), await recordPart(2000), await recordPart(1400)];
    const lengths = await Promise.all(parts.map((part, index) => decodedSeconds(part).catch((error: Error) => Promise.reject(new Error(`part ${index} (${part.size} B): ${error.message}`)))));
    const joined = await joinParts(parts.map((blob) => ({ blob, seconds: Infinity })), parts[0].type);
    const seconds = await decodedSeconds(joined).catch((error: Error) => Promise.reject(new Error(`joined (${joined.size} B): ${error.message}`)));
    const sum = lengths.reduce((total, length) => total + length, 0);
    console.log(`${engine()} ${parts[0].type}: parts ${lengths.map((length) => length.toFixed(2)).join(' + ')} = ${sum.toFixed(2)} s, joined ${seconds.toFixed(2)} s, ${joined.size} B`);
    expect(joined.type).to.equal(parts[0].type);
    expect(seconds, 'the second and third parts follow the first (a naive concatenation decodes to the first only)').to.be.closeTo(sum, 0.15);
    // Copied, not re-encoded: about the parts' own size.
    const bytes = parts.reduce((total, part) => total + part.size, 0);
    // MP4 written whole has a sample table per packet where WebKit's fragments had their own headers.
    expect(joined.size).to.be.within(bytes * 0.8, bytes * 1.3);
  });

  it('a part holds only its own seconds: what a recorder ran on after the pause is cut', async () => {
    const parts = [await recordPart(2000), await recordPart(1500)];
    const [first, second] = await Promise.all(parts.map((part) => decodedSeconds(part)));
    const joined = await joinParts([{ blob: parts[0], seconds: 1 }, { blob: parts[1], seconds: Infinity }], parts[0].type);
    // Firefox's fake microphone may have delivered less than a second to the first part: then nothing is cut.
    expect(await decodedSeconds(joined)).to.be.closeTo(Math.min(1, first) + second, 0.1);
  });

  it('parts without audio come back as they are', async () => {
    const empty = new Blob([], { type: 'audio/webm' });
    const joined = await joinParts([empty, empty].map((blob) => ({ blob, seconds: Infinity })), 'audio/webm');
    expect(joined.size).to.equal(0);
  });
});
