import { expect } from '@open-wc/testing';
import { ENCODER_MODELS, encoderBitrate, encoderModel } from '../../src/capture/bitrate.js';

const CHROMIUM_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const SAFARI_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

/** What the calibration predicts arrives for an asked rate (the model the bench measured). */
const arrived = (model: { slope: number; fixedBitsPerSecond: number }, asked: number) => model.slope * asked + model.fixedBitsPerSecond;

describe('encoderBitrate: the rate each engine is handed so the upload costs what was asked', () => {
  it("hands Chromium's Opus the rate as asked (it holds it)", () => {
    for (const rate of [32_000, 64_000, 96_000]) expect(encoderBitrate(rate, 'audio/webm;codecs=opus', CHROMIUM_UA)).to.equal(rate);
  });

  it("lands Firefox's wandering Opus at 92 % of the wanted rate, its WebM overhead included", () => {
    expect(encoderModel('audio/webm;codecs=opus', FIREFOX_UA)).to.equal(ENCODER_MODELS.firefoxOpus);
    expect(encoderBitrate(64_000, 'audio/webm;codecs=opus', FIREFOX_UA)).to.equal(55_380);
    for (const rate of [32_000, 48_000, 64_000, 96_000]) {
      const landed = arrived(ENCODER_MODELS.firefoxOpus, encoderBitrate(rate, 'audio/webm;codecs=opus', FIREFOX_UA));
      expect(landed / rate, `${rate}: arrives at`).to.be.closeTo(0.92, 0.001);
    }
    // Measured at 32 kb/s asked for 28,800: 33,052 b/s arrived, over rate + 3 %, as a flat 90 % lets it.
    expect(arrived(ENCODER_MODELS.firefoxOpus, 28_800) / 32_000).to.be.above(1.0);
  });

  it("lands WebKit's AAC in MP4 at 97 % of the wanted rate, inside rate + 3 % at every measured rate", () => {
    for (const rate of [32_000, 48_000, 64_000, 96_000]) {
      const asked = encoderBitrate(rate, 'audio/mp4; codecs=mp4a.40.2', SAFARI_UA);
      expect(asked, `${rate}`).to.be.below(rate);
      const landed = arrived(ENCODER_MODELS.aacInMp4, asked);
      expect(landed / rate, `${rate}: arrives at`).to.be.within(0.96, 0.98);
    }
    // Uncalibrated it overshot by 17 % at 64 kb/s (560,721 B a minute).
    expect(arrived(ENCODER_MODELS.aacInMp4, 64_000) / 64_000).to.be.above(1.1);
  });

  it('never asks for less than 8 kb/s', () => {
    expect(encoderBitrate(6_000, 'audio/mp4', SAFARI_UA)).to.equal(8_000);
  });
});
