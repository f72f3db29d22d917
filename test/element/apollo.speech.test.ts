import { expect } from '@open-wc/testing';
import type { RecordingStopDetail } from '../../src/events.js';
import {
  button, createSession, fixture, html, inspectRun, nextEvent, part, recordEvents, waitForState, waitUntil,
  type Recorder, type Session,
} from '../helpers/element.js';
import { shadow, texts } from '../helpers/protocol.js';

async function apolloRecorder(session: Session, attributes: Record<string, string> = {}): Promise<Recorder> {
  const el = await fixture<Recorder>(html`<thymia-recorder model="apollo"></thymia-recorder>`);
  el.setAttribute('mood-question-upload-url', session.uploadUrls!.moodQuestionUploadUrl);
  el.setAttribute('read-aloud-upload-url', session.uploadUrls!.readAloudUploadUrl);
  el.setAttribute('status-url', session.statusUrl);
  el.setAttribute('poll-interval', '250');
  el.setAttribute('min-speech-seconds', '3');
  // Each test its own store, so a take one test leaves behind is never offered to another.
  el.setAttribute('storage-key', `apollo-test-${crypto.randomUUID()}`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

/** Records the current step until it holds enough speech, then stops. */
async function recordStep(el: Recorder): Promise<RecordingStopDetail> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording');
  const finish = () => (part(el, 'next-button') ?? part(el, 'submit-button')) as HTMLButtonElement;
  await waitUntil(() => !finish().disabled, 'enough speech', { timeout: 20_000 });
  const stopped = nextEvent(el, 'thymia-recording-stop');
  button(el, 'stop-button').click();
  const { detail } = await stopped;
  await waitForState(el, 'recorded');
  return detail;
}

function steps(el: Recorder) {
  return [...shadow(el).querySelectorAll<HTMLLIElement>('[part~="steps"] li')].map((li) => ({
    step: li.dataset.step,
    current: li.getAttribute('aria-current') === 'step',
    done: li.hasAttribute('data-done'),
  }));
}

describe('<thymia-recorder model="apollo"> two-step protocol', () => {
  it('guides mood question then read-aloud, retakes one step on its own, uploads each to its URL', async () => {
    const session = await createSession('apollo');
    const el = await apolloRecorder(session);
    const log = recordEvents(el);

    // Step 1: the mood question.
    expect(shadow(el).querySelector('ol[part~="steps"]')).to.exist;
    expect(steps(el)).to.deep.equal([
      { step: 'moodQuestion', current: true, done: false },
      { step: 'readAloud', current: false, done: false },
    ]);
    expect(part(el, 'prompt')!.dataset.step).to.equal('moodQuestion');
    expect(part(el, 'prompt')!.textContent).to.include('How are you feeling today?');
    const firstMood = await recordStep(el);
    expect(firstMood.recording).to.equal('moodQuestion');
    expect(part(el, 'submit-button'), 'no submit before the read-aloud').to.equal(null);
    expect(part(el, 'review'), 'no review with one take').to.equal(null);

    // Next → step 2: the read-aloud passage.
    button(el, 'next-button').click();
    await waitForState(el, 'idle');
    expect(steps(el)).to.deep.equal([
      { step: 'moodQuestion', current: false, done: true },
      { step: 'readAloud', current: true, done: false },
    ]);
    expect(part(el, 'prompt')!.dataset.step).to.equal('readAloud');
    expect(shadow(el).querySelector('.passage')!.textContent).to.include('The North Wind and the Sun were disputing which was the stronger');
    const readAloud = await recordStep(el);
    expect(readAloud.recording).to.equal('readAloud');

    // Review: both takes, each retakeable.
    expect(texts(el, '[part~="review"] .take-name')).to.deep.equal(['How you feel', 'Read aloud']);
    expect(button(el, 'submit-button').disabled).to.be.false;
    const retakeMood = shadow(el).querySelector<HTMLButtonElement>('[part~="retake-take-button"][data-recording="moodQuestion"]')!;
    expect(retakeMood.getAttribute('aria-label')).to.equal('Retake: How you feel');
    retakeMood.click();
    await waitForState(el, 'idle');
    expect(steps(el)).to.deep.equal([
      { step: 'moodQuestion', current: true, done: false },
      { step: 'readAloud', current: false, done: true },
    ]);
    expect(part(el, 'prompt')!.textContent).to.include('How are you feeling today?');

    // Re-recording step 1 completes the set again: straight to the review, no detour via step 2.
    const secondMood = await recordStep(el);
    expect(part(el, 'next-button')).to.equal(null);
    expect(texts(el, '[part~="review"] .take-name')).to.deep.equal(['How you feel', 'Read aloud']);

    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    const { detail } = await result;
    await waitForState(el, 'complete');

    expect(log.of('thymia-recording-start').map((start) => start.recording)).to.deep.equal(['moodQuestion', 'readAloud', 'moodQuestion']);
    expect(log.of('thymia-upload-complete').map((done) => done.recording)).to.deep.equal(['moodQuestion', 'readAloud']);
    const run = await inspectRun(session.id);
    expect(run.uploads.moodQuestion.size, 'the retake, not the first take').to.equal(secondMood.size);
    expect(run.uploads.readAloud.size).to.equal(readAloud.size);
    expect(run.uploadRequests).to.equal(2);

    // Default Apollo results: no scores for the person, everything in the event.
    expect(detail.model).to.equal('apollo');
    expect((detail.results as { disorders: unknown }).disorders).to.exist;
    expect(part(el, 'results')!.textContent!.trim()).to.equal('Thank you — your recordings were submitted.');
    expect(part(el, 'results')!.querySelectorAll('[role="meter"]')).to.have.length(0);
    expect(part(el, 'steps')).to.equal(null);
    void firstMood;
  });

  it('keeps the mood question upload when the read-aloud upload fails, and sends only the missing one on retry', async () => {
    const session = await createSession('apollo', { uploadFaults: 'readAloud:400' });
    const el = await apolloRecorder(session, { results: 'summary' });
    const log = recordEvents(el);
    await recordStep(el);
    button(el, 'next-button').click();
    await waitForState(el, 'idle');
    await recordStep(el);

    button(el, 'submit-button').click();
    await waitForState(el, 'error');
    expect(log.of('thymia-error').at(-1)).to.include({ code: 'upload-failed', recoverable: true });
    expect(log.of('thymia-upload-complete').map((done) => done.recording)).to.deep.equal(['moodQuestion']);
    let run = await inspectRun(session.id);
    expect(Object.keys(run.uploads)).to.deep.equal(['moodQuestion']);
    // The review says which recording already went; both are still there.
    const sent = [...shadow(el).querySelectorAll<HTMLElement>('[part~="review"] .take')].map((take) => [take.dataset.recording, take.hasAttribute('data-sent')]);
    expect(sent).to.deep.equal([['moodQuestion', true], ['readAloud', false]]);

    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    await result;
    await waitForState(el, 'complete');
    run = await inspectRun(session.id);
    expect(Object.keys(run.uploads).sort()).to.deep.equal(['moodQuestion', 'readAloud']);
    expect(run.uploadRequests, 'mood question sent once, read-aloud twice').to.equal(3);
    expect(log.of('thymia-upload-complete').map((done) => done.recording)).to.deep.equal(['moodQuestion', 'readAloud']);
    // results="summary": the disorders, no symptoms.
    expect(shadow(el).querySelectorAll('.disorder')).to.have.length(2);
    expect(shadow(el).querySelectorAll('.symptom')).to.have.length(0);
  });

  it('lets the host replace one step’s prompt, and the whole prompt for both', async () => {
    const session = await createSession('apollo');
    const el = await apolloRecorder(session);
    const passage = document.createElement('p');
    passage.slot = 'prompt-read-aloud';
    passage.textContent = 'Please read the leaflet in front of you.';
    el.append(passage);
    const slotFor = (name: string) => shadow(el).querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
    await el.updateComplete;
    expect(part(el, 'prompt')!.textContent).to.include('How are you feeling today?');
    await recordStep(el);
    button(el, 'next-button').click();
    await waitForState(el, 'idle');
    expect(slotFor('prompt-read-aloud')!.assignedElements()).to.deep.equal([passage]);

    const generic = document.createElement('p');
    generic.slot = 'prompt';
    generic.textContent = 'Host prompt';
    passage.remove();
    el.append(generic);
    await el.updateComplete;
    expect(slotFor('prompt-read-aloud')!.assignedElements()).to.deep.equal([]);
    expect(slotFor('prompt')!.assignedElements()).to.deep.equal([generic]);
    await el.reset();
  });

  it('hands off to an activity when the session answers with an activityLink instead of upload URLs', async () => {
    const el = await fixture<Recorder>(html`<thymia-recorder session-url="/api/session?activity=1" poll-interval="250" min-speech-seconds="3" storage-key="handoff-test"></thymia-recorder>`);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech', { timeout: 20_000 });
    button(el, 'submit-button').click();
    await waitForState(el, 'processing');
    const link = part(el, 'activity-link') as HTMLAnchorElement;
    expect(link.target).to.equal('_blank');
    await fetch(link.href);
    await waitForState(el, 'complete');
    expect(part(el, 'results')!.textContent).to.include('Your wellbeing snapshot');

    // The diverted take is not offered back to the next page.
    const next = await fixture<Recorder>(html`<thymia-recorder storage-key="handoff-test"></thymia-recorder>`);
    const restored = recordEvents(next);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(restored.of('thymia-restored')).to.deep.equal([]);
    expect(next.state).to.equal('idle');
  });
});
