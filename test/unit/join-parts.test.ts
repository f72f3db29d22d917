import { expect } from '@open-wc/testing';
import { joinParts } from '../../src/capture/join-parts.js';
import { negotiateMimeType } from '../../src/capture/mime.js';
import { decodedSeconds, engine, sleep } from '../helpers/media.js';

/** A tone recorded by this engine's MediaRecorder for about `ms`: one part of a take, as a recorder stops it. */
async function recordTone(ms: number): Promise<Blob> {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  await context.resume();
  const mimeType = negotiateMimeType((type) => MediaRecorder.isTypeSupported(type));
  const recorder = new MediaRecorder(destination.stream, mimeType ? { mimeType } : {});
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
  recorder.start(250);
  await sleep(ms);
  recorder.stop();
  await stopped;
  oscillator.stop();
  await context.close();
  return new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type });
}

describe(`joinParts: one take's parts become one file (${engine()})`, () => {
  it('the joined file decodes to the parts together, in the container they were recorded in', async () => {
    const parts = [await recordTone(1200), await recordTone(1800), await recordTone(900)];
    const lengths = await Promise.all(parts.map((part) => decodedSeconds(part)));
    const joined = await joinParts(parts, parts[0].type);
    const seconds = await decodedSeconds(joined);
    const sum = lengths.reduce((total, length) => total + length, 0);
    console.log(`${engine()} ${parts[0].type}: parts ${lengths.map((length) => length.toFixed(2)).join(' + ')} = ${sum.toFixed(2)} s, joined ${seconds.toFixed(2)} s, ${joined.size} B`);
    expect(joined.type).to.equal(parts[0].type);
    expect(seconds, 'the second and third parts follow the first (a naive concatenation decodes to the first only)').to.be.closeTo(sum, 0.15);
    // Copied, not re-encoded: about the parts' own size.
    const bytes = parts.reduce((total, part) => total + part.size, 0);
    expect(joined.size).to.be.within(bytes * 0.8, bytes * 1.2);
  });

  it('a single part, or parts without audio, come back as they are', async () => {
    const empty = new Blob([], { type: 'audio/webm' });
    const joined = await joinParts([empty, empty], 'audio/webm');
    expect(joined.size).to.equal(0);
  });
});
