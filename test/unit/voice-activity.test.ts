import { expect } from '@open-wc/testing';
import { levelDb, periodicity, spectralFeatures, VoiceActivityDetector } from '../../src/capture/voice-activity.js';

const RATE = 48_000;
const FRAME = 0.05;

function sine(frequency: number, amplitude: number, length = 2048): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / RATE));
}
function noise(amplitude: number, length = 2048, seed = 1): Float32Array {
  let x = seed;
  return Float32Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return amplitude * ((x / 2 ** 31) * 2 - 1);
  });
}

describe('voice activity detection', () => {
  it('measures level in dBFS', () => {
    expect(levelDb(sine(440, 1))).to.be.closeTo(-3, 0.1);
    expect(levelDb(new Float32Array(2048))).to.equal(-120);
  });

  it('finds voicing in a pitched waveform and not in noise', () => {
    const voiced = Float32Array.from(sine(150, 0.3), (v, i) => v + 0.1 * Math.sin((2 * Math.PI * 450 * i) / RATE));
    expect(periodicity(voiced, RATE)).to.be.above(0.8);
    expect(periodicity(noise(0.3), RATE)).to.be.below(0.3);
  });

  it('calls a flat spectrum flat and a peaky one peaky', () => {
    const bins = 1024;
    const flat = new Float32Array(bins).fill(-60);
    const peaky = new Float32Array(bins).fill(-120);
    for (const harmonic of [150, 300, 450, 600, 750]) peaky[Math.round(harmonic / (RATE / 2 / bins))] = -30;
    expect(spectralFeatures(flat, RATE).flatness).to.be.above(0.95);
    expect(spectralFeatures(peaky, RATE).flatness).to.be.below(0.1);
    expect(spectralFeatures(peaky, RATE).voiceBandRatio).to.be.above(0.6);
  });

  const speechLike = (t: number) => ({
    // Syllables: loudness swinging 20 dB four times a second.
    levelDb: -30 + 10 * Math.sin(2 * Math.PI * 4 * t),
    flatness: 0.08,
    voiceBandRatio: 0.9,
    periodicity: 0.85,
  });

  function feed(detector: VoiceActivityDetector, seconds: number, frame: (t: number) => Parameters<VoiceActivityDetector['push']>[0]) {
    for (let t = 0; t < seconds; t += FRAME) detector.push(frame(t), FRAME);
  }

  it('counts modulated, voiced, voice-band frames above the floor as speech', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 1, () => ({ levelDb: -70, flatness: 0.8, voiceBandRatio: 0.2, periodicity: 0.1 }));
    feed(vad, 10, speechLike);
    expect(vad.speechSeconds).to.be.within(8, 10.05);
  });

  it('does not count silence, breath-like noise, a steady tone or low hum', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 3, () => ({ levelDb: -72, flatness: 0.85, voiceBandRatio: 0.2, periodicity: 0.1 }));
    feed(vad, 3, (t) => ({ levelDb: -50 + 6 * Math.sin(2 * Math.PI * t), flatness: 0.4, voiceBandRatio: 0.95, periodicity: 0.18 }));
    expect(vad.speechSeconds, 'silence and breaths').to.equal(0);
    // A tone is voiced and peaky; only its onset (a loudness jump) may look like speech.
    feed(vad, 1, () => ({ levelDb: -20, flatness: 0.01, voiceBandRatio: 0.99, periodicity: 0.99 }));
    const afterOnset = vad.speechSeconds;
    expect(afterOnset).to.be.below(1);
    feed(vad, 5, () => ({ levelDb: -20, flatness: 0.01, voiceBandRatio: 0.99, periodicity: 0.99 }));
    feed(vad, 5, () => ({ levelDb: -30, flatness: 0.2, voiceBandRatio: 0.03, periodicity: 0.8 }));
    expect(vad.speechSeconds, 'steady tone and hum').to.equal(afterOnset);
  });

  it('adapts its floor to steady noise and still hears speech over it', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 20, () => ({ levelDb: -45, flatness: 0.5, voiceBandRatio: 0.6, periodicity: 0.2 }));
    expect(vad.noiseFloorDb).to.be.closeTo(-45, 1);
    feed(vad, 5, speechLike);
    expect(vad.speechSeconds).to.be.above(2);
  });

  it('reset forgets everything', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 3, speechLike);
    vad.reset();
    expect(vad.speechSeconds).to.equal(0);
  });
});
