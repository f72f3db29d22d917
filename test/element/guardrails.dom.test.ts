/**
 * Clinical guardrails, checked on everything the person (or their screen
 * reader) could be given: text, and every attribute in the shadow tree
 * (aria-label, title, data-*). Existing tests cover the visible text of the
 * default Apollo acknowledgement and the mock's own errorReasons; these add
 * attributes, a unique errorReason and Helios' wording.
 */
import { expect } from '@open-wc/testing';
import type { Recorder } from '../helpers/element.js';
import { nextEvent, part, recordEvents, waitForState } from '../helpers/element.js';
import { recorderWith, scriptStatus } from '../helpers/protocol.js';
import { APOLLO_COMPLETE, APOLLO_CREATED, APOLLO_ERROR, APOLLO_RESULTS } from '../fixtures/apollo.js';
import { MENTAL_WELLNESS_RUN } from '../fixtures/thymia-call.js';

/** Text plus every attribute value in the shadow tree: what a screen reader or a copy of the DOM could expose. */
function exposed(el: Recorder): string {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => `${attribute.name}=${attribute.value}`));
  const host = [...el.attributes].map((attribute) => `${attribute.name}=${attribute.value}`);
  return [root.textContent ?? '', el.textContent ?? '', ...attributes, ...host].join('\n');
}

async function completed(attributes: Record<string, string>, ...bodies: unknown[]) {
  const statusUrl = await scriptStatus(...bodies);
  const el = await recorderWith({ follow: '', 'status-url': statusUrl, ...attributes });
  const log = recordEvents(el);
  return { el, log };
}

const HELIOS_COMPLETE = { ...MENTAL_WELLNESS_RUN, id: '5d1f3c2a-8b7e-4c6d-9a0b-1c2d3e4f5a6b' };

describe('clinical guardrails', () => {
  it('Apollo without `results`: no disorder, probability or severity anywhere in the DOM, yet the event carries them', async () => {
    const { el } = await completed({ model: 'apollo' }, APOLLO_CREATED, APOLLO_COMPLETE);
    const result = nextEvent(el, 'thymia-result');
    await waitForState(el, 'complete');
    const { detail } = await result;
    await el.updateComplete;
    expect(detail.results).to.deep.equal(APOLLO_RESULTS);

    const dom = exposed(el);
    expect(dom).not.to.match(/depress|anxiety|anhedonia|probab|severity|likelihood|%/i);
    // As a standalone number ("61", "0.61"), not inside an id or URL.
    for (const value of [0.61, 0.58, 0.27, 0.22]) {
      expect(dom, `score ${value}`).not.to.match(new RegExp(`(^|[^\\w.-])(0?\\.)?${Math.round(value * 100)}([^\\w-]|$)`));
    }
    expect(el.shadowRoot!.querySelectorAll('[role="meter"], [role="img"], [data-disorder], [data-symptom], a')).to.have.length(0);

    // The same answer with the host's opt-in does show them: the check above can fail.
    const { el: optedIn } = await completed({ model: 'apollo', results: 'summary' }, APOLLO_COMPLETE);
    await waitForState(optedIn, 'complete');
    await optedIn.updateComplete;
    expect(exposed(optedIn)).to.match(/Probability: 61%/);
  });

  for (const model of ['helios', 'apollo'] as const) {
    it(`${model}: thymia's errorReason never reaches the DOM, only neutral advice (the event keeps it)`, async () => {
      const errorReason = `Internal reason ${model} ${crypto.randomUUID()} for logs only`;
      const body = { ...APOLLO_ERROR, errorCode: 'ERR_INTERNAL', errorReason };
      const { el, log } = await completed({ model }, APOLLO_CREATED, body);
      const failed = nextEvent(el, 'thymia-error');
      await waitForState(el, 'error');
      const { detail } = await failed;
      await el.updateComplete;

      expect(detail.code).to.equal('model-error');
      expect(detail.errorCode).to.equal('ERR_INTERNAL');
      expect(detail.message).not.to.include(errorReason);
      expect(part(el, 'error')!.textContent).to.match(/try again in a moment/);
      expect(exposed(el)).not.to.include(errorReason);
      expect(exposed(el)).not.to.include('for logs only');
      const response = log.of('thymia-status').at(-1)?.response as { errorReason?: string } | undefined;
      expect(response?.errorReason, 'the status event carries errorReason for the host').to.equal(errorReason);
    });
  }

  for (const mode of ['full', 'summary'] as const) {
    it(`Helios results="${mode}" are worded as wellbeing: no diagnosis, disorder or depression`, async () => {
      const { el } = await completed({ model: 'helios', results: mode }, HELIOS_COMPLETE);
      await waitForState(el, 'complete');
      await el.updateComplete;
      const results = part(el, 'results')!;
      expect(results.textContent).to.include('wellbeing');
      expect(results.querySelector('.disclaimer')!.textContent).to.match(/wellbeing indicator, not a medical diagnosis/);

      // The disclaimer's own "not a … diagnosis" is the one place the word may appear.
      const dom = exposed(el).replace(/not a medical diagnosis/gi, '');
      expect(dom).not.to.match(/diagnos|disorder|depress|anxiety|clinical|patient|symptom/i);
      expect(el.shadowRoot!.querySelectorAll('[data-biomarker]').length).to.be.greaterThan(0);
    });
  }
});
