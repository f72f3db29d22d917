import { expect } from '@open-wc/testing';
import { button, createSession, nextEvent, part, recordAndSubmit, recordEvents, recorderFor, waitForState } from '../helpers/element.js';

const ADVICE: Record<string, RegExp> = {
  ERR_RECORDING_TOO_SHORT: /keep talking a little longer/,
  ERR_TRANSCRIPTION_FAILED: /microphone is connected and not muted/,
  ERR_RECORDING_TOO_LONG: /longer than 3 minutes/,
  ERR_RECORDING_INVALID_FORMAT: /could not be read/,
  ERR_INTERNAL: /try again in a moment/,
};

describe('<thymia-recorder> model outcomes', () => {
  for (const [errorCode, advice] of Object.entries(ADVICE)) {
    it(`COMPLETE_ERROR ${errorCode}: neutral advice, never errorReason, and a way to record again`, async () => {
      const session = await createSession('helios', { outcome: errorCode });
      const el = await recorderFor(session, { 'min-speech-seconds': '1' });
      const log = recordEvents(el);
      const failed = nextEvent(el, 'thymia-error');
      await recordAndSubmit(el, 'processing');
      const { detail } = await failed;
      await waitForState(el, 'error');
      expect(detail).to.deep.equal({ code: 'model-error', errorCode, message: detail.message, recoverable: true });
      expect(detail.message).to.match(advice);
      const shown = part(el, 'error')!.textContent!;
      expect(shown).to.match(advice);
      const response = log.of('thymia-status').at(-1)!.response as { errorReason: string };
      expect(response.errorReason, 'the mock sends an errorReason').to.be.a('string').and.not.empty;
      expect(el.shadowRoot!.textContent).not.to.include(response.errorReason);
      expect(log.of('thymia-result')).to.have.length(0);

      const again = button(el, 'record-button');
      expect(again.textContent).to.match(/Record again/);
      again.click();
      await waitForState(el, 'recording');
      expect(part(el, 'error')).to.equal(null);
      await el.reset();
    });
  }

  it('status 404 ends with data-deleted and no retry', async () => {
    const session = await createSession('helios', { statusFaults: '404' });
    const el = await recorderFor(session, { 'min-speech-seconds': '1' });
    const failed = nextEvent(el, 'thymia-error');
    // 'processing' lasts one status round trip (a few ms) before the 404: wait for where it ends.
    await recordAndSubmit(el, 'error');
    const { detail } = await failed;
    expect(detail.code).to.equal('data-deleted');
    expect(detail.recoverable).to.be.false;
    await waitForState(el, 'error');
    expect(part(el, 'error')!.textContent).to.match(/no longer available/);
  });

  it('rides out transient 5xx and malformed answers, then renders the result once', async () => {
    const session = await createSession('helios', { statusFaults: '503,500,html,malformed,502' });
    const el = await recorderFor(session, { 'min-speech-seconds': '1' });
    const log = recordEvents(el);
    await recordAndSubmit(el, 'complete');
    expect(log.of('thymia-error')).to.have.length(0);
    expect(log.of('thymia-result')).to.have.length(1);
    expect(part(el, 'results')).to.exist;
  });

  it('renders a transcript containing HTML as text', async () => {
    const transcript = '<img src=x onerror="window.__pwned=1"><b>bold</b> & <script>window.__pwned=2</script>';
    const session = await createSession('helios', { transcript });
    const el = await recorderFor(session, { 'min-speech-seconds': '1' });
    await recordAndSubmit(el, 'complete');
    const results = part(el, 'results')!;
    expect(results.querySelector('img, b, script')).to.equal(null);
    expect(results.textContent).to.include(transcript);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows warnings as a caution next to the scores', async () => {
    const session = await createSession('helios', { warnings: 'Audio quality may affect result accuracy.' });
    const el = await recorderFor(session, { 'min-speech-seconds': '1' });
    const result = nextEvent(el, 'thymia-result');
    await recordAndSubmit(el, 'complete');
    expect((await result).detail.warnings).to.deep.equal(['Audio quality may affect result accuracy.']);
    const caution = part(el, 'warnings')!;
    expect(caution.textContent).to.include('Audio quality may affect result accuracy.');
  });

  it('results="summary" shows labels without bars or transcript; "none" shows no scores; the event carries everything', async () => {
    for (const mode of ['summary', 'none'] as const) {
      const session = await createSession('helios');
      const el = await recorderFor(session, { 'min-speech-seconds': '1', results: mode });
      const result = nextEvent(el, 'thymia-result');
      await recordAndSubmit(el, 'complete');
      const { detail } = await result;
      const sections = (detail.results as { sections: { transcript: string; uniformDistress: unknown }[] }).sections;
      expect(sections[0].uniformDistress).to.exist;
      const text = part(el, 'results')!.textContent!;
      if (mode === 'summary') {
        expect(text).to.include('Moderately high');
        expect(text).not.to.include(sections[0].transcript);
        expect(part(el, 'results')!.querySelectorAll('.biomarker [role="meter"]').length).to.equal(0);
      } else {
        expect(text).not.to.match(/Moderately|Low|High/);
        expect(text).to.match(/analysed/);
      }
    }
  });
});
