import { expect } from '@open-wc/testing';
import { nextEvent, part, recordEvents, waitForState } from '../helpers/element.js';
import { recorderWith, scriptStatus } from '../helpers/protocol.js';
import { QUESTIONNAIRE_AVAILABLE, QUESTIONNAIRE_DETAILS, QUESTIONNAIRE_PENDING, QUESTIONNAIRE_UNSCORED } from '../fixtures/questionnaire.js';

async function questionnaire(final: unknown, attributes: Record<string, string> = {}) {
  const statusUrl = await scriptStatus(QUESTIONNAIRE_PENDING, final);
  const el = await recorderWith({ 'activity-link': 'https://activity.example/q/1', 'status-url': statusUrl, ...attributes });
  const log = recordEvents(el);
  const result = nextEvent(el, 'thymia-result');
  await waitForState(el, 'complete');
  return { el, log, detail: (await result).detail };
}

describe('<thymia-recorder> following a thymia questionnaire', () => {
  it('hands off to the activity, waits while results are not available, then renders name, completion time and score', async () => {
    const { el, log, detail } = await questionnaire(QUESTIONNAIRE_AVAILABLE);
    expect(log.of('thymia-status').map((status) => status.status)).to.deep.equal(['RESULTS_NOT_AVAILABLE', 'RESULTS_AVAILABLE']);
    expect(detail.model).to.equal('questionnaire');
    expect(detail.results).to.deep.equal(QUESTIONNAIRE_DETAILS);
    expect(detail.response).to.deep.equal(QUESTIONNAIRE_AVAILABLE);
    const results = part(el, 'results')!;
    expect(results.querySelector('h3')!.textContent).to.equal('Depression assessment');
    expect(results.querySelector('.questionnaire-completed')!.textContent).to.match(/^Completed .*2026/);
    expect(results.querySelector('.questionnaire-score')!.textContent).to.equal('Score: 7');
    // Answers are the host's to handle, not shown on screen.
    expect(results.textContent).not.to.include('Little interest');
  });

  it('leaves the score out for a questionnaire that is not scored', async () => {
    const { el } = await questionnaire(QUESTIONNAIRE_UNSCORED);
    expect(part(el, 'results')!.querySelector('h3')!.textContent).to.equal('Sleep diary');
    expect(part(el, 'results')!.querySelector('.questionnaire-score')).to.equal(null);
  });

  it('speaks the page language', async () => {
    const { el } = await questionnaire(QUESTIONNAIRE_AVAILABLE, { lang: 'es' });
    expect(part(el, 'results')!.querySelector('.questionnaire-score')!.textContent).to.match(/7/);
    expect(part(el, 'results')!.querySelector('.questionnaire-score')!.textContent).not.to.include('Score');
  });

  it('shows nothing of it with results="none"', async () => {
    const { el } = await questionnaire(QUESTIONNAIRE_AVAILABLE, { results: 'none' });
    expect(part(el, 'results')!.textContent).not.to.include('Depression assessment');
  });
});
