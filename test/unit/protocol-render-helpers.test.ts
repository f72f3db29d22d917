import { expect } from '@open-wc/testing';
import { numericScores } from '../../src/render/numeric-scores.js';
import { probabilityBand } from '../../src/render/probability-band.js';
import { activityUrl, httpsUrl } from '../../src/render/safe-url.js';
import { humanise } from '../../src/render/format.js';

describe('Apollo probability bands', () => {
  it('follows thymia’s ranges, boundaries going to the higher band', () => {
    const levels = [0, 0.29, 0.3, 0.49, 0.5, 0.69, 0.7, 1].map((p) => probabilityBand(p).level);
    expect(levels).to.deep.equal(['low', 'low', 'borderline', 'borderline', 'moderate', 'moderate', 'high', 'high']);
  });
});

describe('numericScores (open Emotions results)', () => {
  it('collects plain numbers, { value } scores, nested groups and arrays', () => {
    const scores = numericScores({
      happy: 0.2,
      arousal: { value: 0.7 },
      valence: { positive: 0.1, negative: 0.3 },
      sections: [{ sad: 0.4 }],
      label: 'calm',
      flag: true,
      missing: null,
    });
    expect(scores.map((score) => [score.path.join('.'), score.value])).to.deep.equal([
      ['happy', 0.2],
      ['arousal', 0.7],
      ['valence.positive', 0.1],
      ['valence.negative', 0.3],
      ['sections.1.sad', 0.4],
    ]);
  });

  it('stops at the limit and ignores non-finite numbers', () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
    expect(numericScores(many)).to.have.length(40);
    expect(numericScores({ a: Number.NaN, b: Infinity })).to.deep.equal([]);
  });
});

describe('safe links', () => {
  it('allows only https for report links', () => {
    expect(httpsUrl('https://reports.thymia.ai/x?token=1')).to.equal('https://reports.thymia.ai/x?token=1');
    expect(httpsUrl('http://reports.thymia.ai/x')).to.equal(undefined);
    expect(httpsUrl('javascript:alert(1)')).to.equal(undefined);
    expect(httpsUrl('/relative')).to.equal(undefined);
  });

  it('allows https activity links, or http on the page’s own origin', () => {
    const base = 'http://localhost:8000/page';
    expect(activityUrl('https://app.thymia.ai/activity/1', base)).to.equal('https://app.thymia.ai/activity/1');
    expect(activityUrl('/mock-activity/1', base)).to.equal('http://localhost:8000/mock-activity/1');
    expect(activityUrl('http://evil.example/a', base)).to.equal(undefined);
    expect(activityUrl('javascript:alert(1)', base)).to.equal(undefined);
    expect(activityUrl('data:text/html,hi', base)).to.equal(undefined);
  });
});

describe('humanise', () => {
  it('turns field names and enum values into words', () => {
    expect(humanise('human_ended_call')).to.equal('Human ended call');
    expect(humanise('sleepPropensity')).to.equal('Sleep propensity');
    expect(humanise('no-answer')).to.equal('No answer');
  });
});
