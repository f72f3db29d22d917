import { expect } from '@open-wc/testing';
import { FRAME_SECONDS, SpectrumAnalyser, SpeechFrames } from '../../src/capture/speech-frames.js';
import { levelDb, periodicity, pitchAnalysis, spectralFeatures, VoiceActivityDetector, type FrameFeatures, type VadOptions } from '../../src/capture/voice-activity.js';

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
    feed(vad, 6, () => ({ levelDb: -20, flatness: 0.01, voiceBandRatio: 0.99, periodicity: 0.99 }));
    const afterTone = vad.speechSeconds;
    expect(afterTone, 'a steady tone counts at most its onset').to.be.below(1);
    feed(vad, 5, () => ({ levelDb: -30, flatness: 0.2, voiceBandRatio: 0.03, periodicity: 0.8 }));
    expect(vad.speechSeconds, 'hum').to.equal(afterTone);
  });

  it('adapts its floor to steady noise and still hears speech over it', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 20, () => ({ levelDb: -45, flatness: 0.5, voiceBandRatio: 0.6, periodicity: 0.2 }));
    expect(vad.noiseFloorDb).to.be.closeTo(-45, 1);
    feed(vad, 5, speechLike);
    expect(vad.speechSeconds).to.be.above(2);
  });

  it('counts the consonants and short joins between voiced sounds, not the pauses between phrases', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 2, () => ({ levelDb: -65, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }));
    // Phrases of 1.2 s: vowels (voiced, 200 ms) and consonants (loud but noisy, 100 ms), then 1.5 s of silence.
    const phrase = (t: number) =>
      t % 2.7 >= 1.2
        ? { levelDb: -65, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }
        : t % 0.3 < 0.2
          ? { levelDb: -28 + 4 * Math.sin(2 * Math.PI * 5 * t), flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.85, pitchHz: 120 + 30 * Math.sin(2 * Math.PI * 1.3 * t) }
          : { levelDb: -36, flatness: 0.6, voiceBandRatio: 0.5, periodicity: 0.2 };
    feed(vad, 27, phrase);
    // Ten phrases of 1.2 s; the last one may still sit in the look-ahead.
    expect(vad.speechSeconds).to.be.within(10 * 1.2 - 0.4, 10 * 1.2 + 10 * 0.2);
  });

  it('does not count a blip shorter than a syllable', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 2, () => ({ levelDb: -65, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }));
    vad.push({ levelDb: -25, flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.9, pitchHz: 150 }, 0.032);
    feed(vad, 2, () => ({ levelDb: -65, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }));
    expect(vad.speechSeconds).to.equal(0);
  });

  // Utterances between silences, frame by frame as SpeechFrames hands them on (32 ms).
  const silenceFrame = { levelDb: -90, flatness: 0.8, voiceBandRatio: 0.2, periodicity: 0.1 };
  function utterance(options: Partial<VadOptions>, seconds: number, levelDb: number, fadeDbPerFrame = 0): number {
    const vad = new VoiceActivityDetector(options);
    feedFrames(vad, 1, () => silenceFrame);
    feedFrames(vad, seconds, (t) => ({ ...speechLike(t), levelDb: levelDb + 6 * Math.sin(2 * Math.PI * 4 * t), pitchHz: 140 + 20 * Math.sin(2 * Math.PI * 1.3 * t) }));
    // A fade: the voice dies away a few dB a frame instead of stopping.
    if (fadeDbPerFrame > 0) feedFrames(vad, ((levelDb + 90) / fadeDbPerFrame) * FRAME_SECONDS, (t) => ({ ...speechLike(t), periodicity: 0.3, levelDb: levelDb - (t / FRAME_SECONDS) * fadeDbPerFrame }));
    feedFrames(vad, 2, () => silenceFrame);
    return vad.speechSeconds;
  }
  function feedFrames(detector: VoiceActivityDetector, seconds: number, frame: (t: number) => FrameFeatures) {
    for (let i = 0; i * FRAME_SECONDS < seconds - 1e-9; i += 1) detector.push(frame(i * FRAME_SECONDS), FRAME_SECONDS);
  }

  it('goes on counting about four frames after a voice stops, as the reference hears its decay; not after a fade, which it follows down itself', () => {
    const noTrail = { trailSeconds: 0 };
    expect(utterance({}, 1, -25) - utterance(noTrail, 1, -25), 'a voice that stops').to.be.closeTo(4 * FRAME_SECONDS, 0.001);
    expect(utterance({}, 1, -25, 3) - utterance(noTrail, 1, -25, 3), 'a voice that fades, 3 dB a frame').to.equal(0);
  });

  it('counts a quiet voice after silence as late as the reference believes it: a short murmur not at all, a longer one from a quarter second on; a louder voice from its start', () => {
    expect(utterance({}, 0.2, -48), 'a murmured "oh" at −48 dBFS').to.equal(0);
    expect(utterance({}, 0.2, -25), 'the same at −25 dBFS').to.be.above(0.2);
    const quiet = utterance({}, 1.5, -48);
    const loud = utterance({}, 1.5, -25);
    expect(quiet, '1.5 s at −48 dBFS').to.be.within(1.5 - 0.35, 1.5);
    expect(loud - quiet, 'its first quarter second').to.be.within(0.2, 0.35);
  });

  it('tells music (held notes) from a voice (gliding pitch)', () => {
    const frame = (pitchHz: (t: number) => number) => (t: number) => ({
      levelDb: -28 + 8 * Math.sin(2 * Math.PI * 3 * t),
      flatness: 0.1,
      voiceBandRatio: 0.9,
      periodicity: 0.9,
      pitchHz: pitchHz(t),
    });
    const notes = [220, 247, 262, 294, 330];
    const music = new VoiceActivityDetector();
    feed(music, 30, frame((t) => notes[Math.floor(t / 0.5) % notes.length]));
    // Intonation: a phrase's rise and fall plus a quicker wobble, a few percent from one 50 ms frame to the next.
    const glide = (t: number) => 140 + 30 * Math.sin(2 * Math.PI * 0.9 * t) + 4 * Math.sin(2 * Math.PI * 4.3 * t);
    const voice = new VoiceActivityDetector();
    feed(voice, 10, frame(glide));
    expect(music.speechSeconds, 'music: at most its first second of 30').to.be.at.most(1.2);
    expect(voice.speechSeconds, 'voice').to.be.above(8);

    // A voice right after music is heard again within a couple of seconds.
    const voiceAfterMusic = new VoiceActivityDetector();
    feed(voiceAfterMusic, 10, frame((t) => notes[Math.floor(t / 0.5) % notes.length]));
    const duringMusic = voiceAfterMusic.speechSeconds;
    feed(voiceAfterMusic, 15, frame(glide));
    expect(voiceAfterMusic.speechSeconds - duringMusic, 'voice after music, of 15 s').to.be.above(11);
  });

  it('hears chords as music: a tracker hopping between notes an octave, fifth or fourth apart', () => {
    const frame = (pitchHz: number, t: number) => ({ levelDb: -28 + 8 * Math.sin(2 * Math.PI * 3 * t), flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.9, pitchHz });
    // Each frame the tracker lands on another of the chord's notes (C3, C4, G3, F3, G4), each held exactly: never the same note twice.
    const chord = [130.8, 261.6, 196.2, 174.4, 392.4];
    let seed = 7;
    let last = 0;
    const pick = () => {
      let note = last;
      while (note === last) note = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % chord.length;
      last = note;
      return chord[note];
    };
    const music = new VoiceActivityDetector();
    feed(music, 30, (t) => frame(pick(), t));
    expect(music.speechSeconds, 'chords: at most their first second of 30').to.be.at.most(1.2);
  });

  it('hears a melody over a bass line as music: a tracker leaping between them further than a voice moves', () => {
    const frame = (pitchHz: number, t: number) => ({ levelDb: -28 + 8 * Math.sin(2 * Math.PI * 3 * t), flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.9, pitchHz });
    // Bass and melody notes a tenth, a major sixth, a seventh apart: no chord ratio, and each frame moves a little (vibrato).
    const notes = [98, 247, 165, 277, 110, 294];
    const music = new VoiceActivityDetector();
    feed(music, 30, (t) => frame(notes[Math.floor(t / 0.05) % notes.length] * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * t)), t));
    expect(music.speechSeconds, 'at most its first second of 30').to.be.at.most(1.2);
  });

  it('hears an actor in full flight as a voice: pitch leaping a fifth or more every few frames, but never holding a note', () => {
    const frame = (pitchHz: number, t: number) => ({ levelDb: -28 + 8 * Math.sin(2 * Math.PI * 3 * t), flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.9, pitchHz });
    // A cry swooping 200 → 400 Hz and back, a leap of 20–80 % every other frame, and gliding a few percent in between.
    const swoop = [200, 206, 290, 298, 380, 372, 250, 244, 330, 338, 215, 221];
    const voice = new VoiceActivityDetector();
    feed(voice, 10, (t) => frame(swoop[Math.round(t / FRAME) % swoop.length] * (1 + 0.003 * Math.sin(2 * Math.PI * 7 * t)), t));
    expect(voice.speechSeconds, 'of 10 s').to.be.above(8);
  });

  it('takes an actor back for a voice soon after a stretch that sounded like a chord (a held vowel, the tracker slipping an octave)', () => {
    const frame = (pitchHz: number, t: number) => ({ levelDb: -28 + 8 * Math.sin(2 * Math.PI * 3 * t), flatness: 0.1, voiceBandRatio: 0.9, periodicity: 0.9, pitchHz });
    // How each frame's pitch moves from the last: held (×1: a held vowel, or ×½ ×2: an octave slip), leapt a third, glided 3 %.
    const pitches = (steps: number[], seconds: number) => {
      const out: number[] = [];
      let pitch = 200;
      for (let i = 0; out.length * FRAME < seconds; i += 1) out.push((pitch *= steps[i % steps.length]));
      return out;
    };
    // A vowel held, then slips an octave and back: over half the pairs held or leaping, a tenth held: music.
    const chordLike = pitches([1, 1, 0.5, 2, 1.25, 0.8, 1.03, 0.97, 1.03, 0.97], 2.5);
    // Then the actor goes on: still now and then a held frame or a leap, 6 pairs in 16 (0.375): under music's 0.43, over its old 0.35 to leave.
    const goingOn = pitches([1, 1, 1.25, 0.8, 1.25, 0.8, 1.03, 0.97, 1.03, 0.97, 1.03, 0.97, 1.03, 0.97, 1.03, 0.97], 5);
    const vad = new VoiceActivityDetector();
    feed(vad, 1, () => ({ levelDb: -70, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }));
    feed(vad, 2.5, (t) => frame(chordLike[Math.round(t / FRAME)], t));
    const before = vad.speechSeconds;
    feed(vad, 5, (t) => frame(goingOn[Math.round(t / FRAME)], t));
    // The pitch memory (50 pairs) takes a couple of seconds to forget the chord-like stretch; then the voice counts again.
    expect(vad.speechSeconds - before, 'of the 5 s after').to.be.above(1.5);
  });

  it('does not count voicing at −60 dBFS, a murmur the reference does not hear as speech', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 1, () => ({ levelDb: -90, flatness: 0.8, voiceBandRatio: 0.2, periodicity: 0.1 }));
    feed(vad, 5, (t) => ({ ...speechLike(t), levelDb: -60 + 3 * Math.sin(2 * Math.PI * 4 * t) }));
    expect(vad.speechSeconds).to.equal(0);
  });

  it('hears syllables in noise nearly as loud as the voice (1 dB SNR): the noise fills the dips, what rises above it still moves', () => {
    const vad = new VoiceActivityDetector();
    const noiseDb = (t: number) => -40 + 0.8 * Math.sin(2 * Math.PI * 11 * t);
    const mix = (...levels: number[]) => 10 * Math.log10(levels.reduce((sum, level) => sum + 10 ** (level / 10), 0));
    feed(vad, 4, (t) => ({ levelDb: noiseDb(t), flatness: 0.3, voiceBandRatio: 0.5, periodicity: 0.2 }));
    expect(vad.speechSeconds, 'the noise alone').to.equal(0);
    // Four syllables a second: a 150 ms vowel 3 dB over the noise, then 100 ms of consonant and gap far under it.
    const voiceDb = (t: number) => (t % 0.25 < 0.15 ? -37 : -60);
    feed(vad, 10, (t) => ({ ...speechLike(t), levelDb: mix(noiseDb(t), voiceDb(t)) }));
    expect(vad.speechSeconds, 'of 10 s').to.be.above(5);
  });

  it('raises its floor within seconds when a noise starts, and still hears speech over it', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 3, () => ({ levelDb: -70, flatness: 0.8, voiceBandRatio: 0.3, periodicity: 0.1 }));
    feed(vad, 3, (t) => ({ levelDb: -40 + 1.5 * Math.sin(2 * Math.PI * 7 * t), flatness: 0.5, voiceBandRatio: 0.6, periodicity: 0.3 }));
    expect(vad.noiseFloorDb, 'floor after 3 s of noise').to.be.closeTo(-41.5, 1);
    expect(vad.speechSeconds, 'noise').to.equal(0);
    feed(vad, 5, (t) => ({ ...speechLike(t), levelDb: Math.max(-41, -32 + 8 * Math.sin(2 * Math.PI * 4 * t)) }));
    expect(vad.speechSeconds).to.be.above(3);
  });

  it('reset forgets everything', () => {
    const vad = new VoiceActivityDetector();
    feed(vad, 3, speechLike);
    vad.reset();
    expect(vad.speechSeconds).to.equal(0);
  });
});

describe('speech frames', () => {
  it('hears every sample: 16 kHz frames of 32 ms, whatever the block size', () => {
    const frames: FrameFeatures[] = [];
    let seconds = 0;
    const slicer = new SpeechFrames(RATE, (features, duration) => {
      frames.push(features);
      seconds += duration;
    });
    const audio = Float32Array.from({ length: RATE * 2 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 150 * i) / RATE));
    for (let start = 0, size = 100; start < audio.length; start += size, size = size === 100 ? 4096 : 100) slicer.push(audio.subarray(start, start + size));
    expect(frames.length).to.equal(Math.floor(2 / FRAME_SECONDS));
    expect(seconds).to.be.closeTo(2, FRAME_SECONDS);
    expect(frames[10].levelDb).to.be.closeTo(-13.5, 0.5);
    expect(frames[10].periodicity).to.be.above(0.9);
    expect(frames[10].pitchHz).to.be.closeTo(150, 2);
  });

  it('measures loudness above a fan\'s rumble: a 40 Hz hum reads far quieter than a 200 Hz voice of the same amplitude', () => {
    const levelOf = (hz: number) => {
      const levels: number[] = [];
      const slicer = new SpeechFrames(RATE, (features) => levels.push(features.levelDb));
      slicer.push(Float32Array.from({ length: RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / RATE)));
      return levels[levels.length - 1];
    };
    expect(levelOf(200), 'voice band').to.be.closeTo(-13.5, 0.5);
    expect(levelOf(40), 'rumble').to.be.below(levelOf(200) - 10);
  });

  it('finds a tone in its spectrum bin', () => {
    const spectrum = new SpectrumAnalyser(512);
    const tone = Float32Array.from({ length: 512 }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / 16_000));
    const db = spectrum.powerDb(tone);
    const peak = db.indexOf(Math.max(...db));
    expect(peak).to.equal(1000 / (16_000 / 512));
    expect(db[peak] - db[100], 'peak over far bins').to.be.above(40);
  });

  it('measures pitch to a fraction of a percent, so a held note reads as held', () => {
    const voiced = (f0: number) => Float32Array.from({ length: 512 }, (_, i) => Math.sin((2 * Math.PI * f0 * i) / 16_000) + 0.5 * Math.sin((2 * Math.PI * 2 * f0 * i) / 16_000));
    for (const f0 of [95, 130, 210, 330]) expect(pitchAnalysis(voiced(f0), 16_000).pitchHz, `${f0} Hz`).to.be.closeTo(f0, f0 * 0.01);
    expect(pitchAnalysis(noise(0.3, 512), 16_000).periodicity).to.be.below(0.4);
  });
});
