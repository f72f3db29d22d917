import { expect } from '@open-wc/testing';
import { MentalWellnessModelRunSchema, SessionResponseSchema } from '../../src/api/schemas.js';
import { baseMimeType, negotiateMimeType } from '../../src/capture/mime.js';
import { backoffDelay, retryAfterMs } from '../../src/api/backoff.js';
import { bucketFor } from '../../src/render/helios-results.js';

/** The example from thymia's Helios "Interpreting Results", in a full MentalWellnessModelRunResponse. */
const completeOk = {
  id: 'ddebd75b-99b3-42b4-ac65-5ce852c688e9',
  createdAt: '2026-11-21T09:00:00Z',
  status: 'COMPLETE_OK',
  runAt: '2026-11-21T09:00:05Z',
  completedAt: '2026-11-21T09:00:40Z',
  warnings: [],
  userLabel: 'operator-1234',
  deleteData: false,
  tags: [{ name: 'site', value: 'north' }],
  model: 'helios-2.1',
  results: {
    sections: [
      {
        startSecs: 0, finishSecs: 28.6, transcript: 'The North Wind and the Sun had a quarrel...',
        mentalStrain: { value: 0.42 }, distress: { value: 0.33 }, stress: { value: 0.33 }, exhaustion: { value: 0.66 },
        sleepPropensity: { value: 0.66 }, lowSelfEsteem: { value: 0.0 }, uniformDistress: { value: 0.48 },
        uniformStress: { value: 0.39 }, uniformExhaustion: { value: 0.61 }, uniformSleepPropensity: { value: 0.58 },
        uniformLowSelfEsteem: { value: 0.21 },
      },
    ],
  },
};

describe('Helios schemas', () => {
  it('accepts thymia\'s documented response and keeps unknown fields', () => {
    const parsed = MentalWellnessModelRunSchema.parse({ ...completeOk, somethingNew: { nested: true } });
    expect(parsed.results!.sections[0].exhaustion.value).to.equal(0.66);
    expect((parsed as Record<string, unknown>).somethingNew).to.deep.equal({ nested: true });
  });

  it('accepts the error reference example', () => {
    const parsed = MentalWellnessModelRunSchema.parse({
      id: 'ddebd75b-99b3-42b4-ac65-5ce852c688e9', status: 'COMPLETE_ERROR', errorCode: 'ERR_RECORDING_TOO_SHORT',
      errorReason: 'Recording supplied is too short.', userLabel: 'operator-1234',
    });
    expect(parsed.errorCode).to.equal('ERR_RECORDING_TOO_SHORT');
  });

  it('rejects unknown statuses, missing biomarkers and out-of-range scores', () => {
    expect(MentalWellnessModelRunSchema.safeParse({ ...completeOk, status: 'DONE' }).success).to.be.false;
    const [section] = completeOk.results.sections;
    const { distress: _dropped, ...withoutDistress } = section;
    expect(MentalWellnessModelRunSchema.safeParse({ ...completeOk, results: { sections: [withoutDistress] } }).success).to.be.false;
    expect(MentalWellnessModelRunSchema.safeParse({ ...completeOk, results: { sections: [{ ...section, stress: { value: 7 } }] } }).success).to.be.false;
    expect(MentalWellnessModelRunSchema.safeParse('<html>').success).to.be.false;
  });

  it('reads session answers for both models', () => {
    expect(SessionResponseSchema.parse({ statusUrl: '/s/1', recordingUploadUrl: 'https://u' }).recordingUploadUrl).to.equal('https://u');
    expect(SessionResponseSchema.parse({ statusUrl: '/s/1', uploadUrls: { moodQuestionUploadUrl: 'a', readAloudUploadUrl: 'b' } }).uploadUrls!.readAloudUploadUrl).to.equal('b');
    expect(SessionResponseSchema.safeParse({ recordingUploadUrl: 'https://u' }).success).to.be.false;
  });

  it('maps values to thymia\'s four buckets', () => {
    expect([0, 0.33, 0.66, 1].map((value) => bucketFor(value).label)).to.deep.equal(['bucketLow', 'bucketModeratelyLow', 'bucketModeratelyHigh', 'bucketHigh']);
  });
});

describe('MIME negotiation and backoff', () => {
  it('prefers WebM/Opus, then Ogg/Opus, then MP4', () => {
    expect(negotiateMimeType(() => true)).to.equal('audio/webm;codecs=opus');
    expect(negotiateMimeType((type) => type.startsWith('audio/ogg'))).to.equal('audio/ogg;codecs=opus');
    expect(negotiateMimeType((type) => type.startsWith('audio/mp4'))).to.equal('audio/mp4;codecs=mp4a.40.2');
    expect(negotiateMimeType(() => false)).to.equal(undefined);
    expect(baseMimeType('audio/webm;codecs=opus')).to.equal('audio/webm');
  });

  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0)).to.equal(500);
    expect(backoffDelay(3, 1000, 30_000, () => 1)).to.equal(4000);
    expect(backoffDelay(20, 1000, 30_000, () => 1)).to.equal(30_000);
    expect(retryAfterMs('7')).to.equal(7000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).to.be.within(3000, 5000);
    expect(retryAfterMs('soon')).to.equal(undefined);
  });
});
