/**
 * End to end in Chromium: the element, the server half (thymia-recorder/server,
 * built, mounted in the test server at /api/thymia-e2e) and the mock thymia.
 * Apollo under results policy `none`: the run completes, and no response the
 * browser receives — the session answer, every status poll, every event — holds
 * a disorder probability, although thymia (the mock) sent them to the server.
 */
import { expect } from '@open-wc/testing';
import { button, fixture, html, part, recordEvents, waitForState, waitUntil, type Recorder } from '../helpers/element.js';

/** Records the current Apollo step until it holds enough speech, then stops. */
async function recordStep(el: Recorder): Promise<void> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording');
  const finish = () => (part(el, 'next-button') ?? part(el, 'submit-button')) as HTMLButtonElement;
  await waitUntil(() => !finish().disabled, 'enough speech', { timeout: 20_000 });
  button(el, 'stop-button').click();
  await waitForState(el, 'recorded');
}

describe('server half + element: results policy none', () => {
  it('Apollo completes, and no response the browser receives contains a disorder probability', async () => {
    const received: { url: string; status: number; text: string }[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      received.push({ url, status: response.status, text: await response.clone().text() });
      return response;
    };
    try {
      const el = await fixture<Recorder>(html`<thymia-recorder model="apollo" results="none"></thymia-recorder>`);
      // The host's own sign-in, as the server half's authorize reads it.
      el.statusRequestInit = { headers: { Authorization: 'Bearer e2e-patient' } };
      el.setAttribute('session-url', '/api/thymia-e2e/session');
      el.setAttribute('poll-interval', '250');
      el.setAttribute('min-speech-seconds', '3');
      el.setAttribute('storage-key', `server-policy-${crypto.randomUUID()}`);
      await el.updateComplete;
      const events = recordEvents(el);

      await recordStep(el);
      button(el, 'next-button').click();
      await waitForState(el, 'idle');
      await recordStep(el);
      button(el, 'submit-button').click();
      await waitForState(el, 'complete', 60_000);

      const ours = received.filter((entry) => entry.url.includes('/api/thymia-e2e/'));
      const session = ours.find((entry) => entry.url.endsWith('/session'));
      expect(session?.status, 'session answered').to.equal(200);
      expect(JSON.parse(session!.text).uploadUrls.moodQuestionUploadUrl).to.be.a('string');
      const polls = ours.filter((entry) => entry.url.includes('/status/'));
      expect(polls.length, 'status polls').to.be.greaterThan(0);
      expect(polls.every((entry) => entry.status === 200)).to.be.true;
      expect(JSON.parse(polls.at(-1)!.text).status).to.equal('COMPLETE_OK');

      const [result] = events.of('thymia-result');
      expect(result, 'thymia-result').to.exist;
      const runId = result.modelRunId;
      expect(runId).to.be.a('string');

      // Every response the page's fetch received, every event detail, and every body the server half sent.
      const served = (await (await realFetch('/__e2e/served')).json()) as string[];
      const seen = [...received.map((entry) => entry.text), ...events.events.map((event) => JSON.stringify(event.detail)), ...served];
      for (const text of seen) {
        for (const word of ['probability', 'severity', 'symptoms', 'disorders', 'reports.thymia.ai', 'errorReason', 'e2e-patient-label']) {
          expect(text.includes(word), `${word} reached the browser: ${text.slice(0, 300)}`).to.be.false;
        }
      }
      expect(part(el, 'results')?.textContent ?? '').not.to.match(/\d+\s*%/);

      // The mock did send the scores to the server: the policy, not the mock, kept them back.
      const raw = (await (await realFetch(`/v1/models/apollo/${runId}`, { headers: { 'x-api-key': 'e2e-api-key' } })).json()) as {
        results: { disorders: { depression: { probability: number } } };
      };
      expect(raw.results.disorders.depression.probability).to.be.a('number');
    } finally {
      window.fetch = realFetch;
    }
  });
});
