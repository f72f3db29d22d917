import { expect } from '@open-wc/testing';
import { createSession, nextEvent, part, recordEvents, waitForState, waitUntil } from '../helpers/element.js';
import { recorderWith, shadow } from '../helpers/protocol.js';

interface ActivitySession {
  id: string;
  statusUrl: string;
  activityLink: string;
}

describe('<thymia-recorder> activity hand-off', () => {
  it('opens a static activity-link in a new tab by default and polls until the result', async () => {
    const session = (await createSession('helios', { activity: '1' })) as unknown as ActivitySession;
    expect(session.activityLink).to.match(/^\/mock-activity\//);
    const el = await recorderWith({ 'activity-link': session.activityLink, 'status-url': session.statusUrl });
    const log = recordEvents(el);
    expect(el.state).to.equal('processing');
    expect(part(el, 'record-button')).to.equal(null);
    const link = part(el, 'activity-link') as HTMLAnchorElement;
    expect(link.href).to.equal(new URL(session.activityLink, location.href).href);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(part(el, 'activity-frame')).to.equal(null);
    await waitUntil(() => log.of('thymia-status').length >= 2, 'polling while the person is away');
    expect(log.of('thymia-status').every((status) => status.status === 'CREATED')).to.be.true;

    // The person completes the activity in the other tab.
    const result = nextEvent(el, 'thymia-result');
    await fetch(session.activityLink);
    await waitForState(el, 'complete');
    expect((await result).detail.modelRunId).to.equal(session.id);
    expect(part(el, 'results')!.textContent).to.include('Your wellbeing snapshot');
    expect(part(el, 'activity-link')).to.equal(null);
  });

  it('embeds the activity from a session answer in an iframe allowed the microphone when asked', async () => {
    const el = await recorderWith({ follow: '', 'session-url': '/api/session?activity=1', 'activity-mode': 'iframe' });
    await waitUntil(() => part(el, 'activity-frame'), 'activity frame');
    const frame = part(el, 'activity-frame') as HTMLIFrameElement;
    expect(frame.tagName).to.equal('IFRAME');
    expect(frame.getAttribute('allow')).to.equal('microphone');
    expect(frame.getAttribute('src')).to.match(/\/mock-activity\/[\w-]+$/);
    expect(frame.title).to.equal('thymia activity');
    expect(part(el, 'activity-link')).to.equal(null);
    // Loading the mock activity inside the frame completes it.
    await waitForState(el, 'complete');
    expect(part(el, 'results')!.textContent).to.include('Your wellbeing snapshot');
  });

  it('refuses to link an activity URL that could run script', async () => {
    const session = await createSession('helios', { activity: '1' });
    const el = await recorderWith({ 'activity-link': 'javascript:alert(1)', 'status-url': session.statusUrl });
    expect(shadow(el).querySelectorAll('a, iframe')).to.have.length(0);
    expect(part(el, 'activity')!.textContent).to.include('not available');
    el.remove();
  });
});
