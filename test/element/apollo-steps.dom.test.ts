import { expect } from '@open-wc/testing';
import { part } from '../helpers/element.js';
import { recorderWith, shadow, texts } from '../helpers/protocol.js';

describe('<thymia-recorder model="apollo"> before recording', () => {
  it('shows an ordered step indicator with the mood question current, and the question', async () => {
    const el = await recorderWith({ model: 'apollo' });
    const list = shadow(el).querySelector('ol[part~="steps"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Steps');
    expect(texts(el, '[part~="steps"] li')).to.deep.equal(['1. How you feel', '2. Read aloud']);
    expect([...list.querySelectorAll('li')].map((li) => li.getAttribute('aria-current'))).to.deep.equal(['step', 'false']);
    expect(part(el, 'prompt')!.textContent).to.include('How are you feeling today?');
    expect(part(el, 'prompt')!.textContent).to.include('15 s of speech');
    expect(part(el, 'record-button')).to.exist;
    expect(part(el, 'next-button')).to.equal(null);
  });

  it('speaks Spanish, the passage included', async () => {
    const el = await recorderWith({ model: 'apollo', lang: 'es' });
    expect(texts(el, '[part~="steps"] li')).to.deep.equal(['1. Cómo se siente', '2. Lectura en voz alta']);
    expect(part(el, 'prompt')!.textContent).to.include('¿Cómo se siente hoy?');
    const { loadCatalogue } = await import('../../src/i18n/catalogues.js');
    expect((await loadCatalogue('es')).readAloudPassage).to.match(/^El viento norte y el sol porfiaban/);
    expect((await loadCatalogue('en')).readAloudPassage).to.match(/^The North Wind and the Sun were disputing/);
  });

  it('lets the host replace the prompt, a step-specific slot winning over the generic one', async () => {
    const el = await recorderWith({ model: 'apollo' });
    const generic = Object.assign(document.createElement('p'), { slot: 'prompt', textContent: 'Tell us about your week.' });
    el.append(generic);
    await el.updateComplete;
    const slot = (name: string) => shadow(el).querySelector<HTMLSlotElement>(`[part~="prompt"] slot[name="${name}"]`)!;
    expect(slot('prompt').assignedElements()).to.deep.equal([generic]);
    const specific = Object.assign(document.createElement('p'), { slot: 'prompt-mood-question', textContent: 'How was today?' });
    el.append(specific);
    await el.updateComplete;
    expect(slot('prompt-mood-question').assignedElements()).to.deep.equal([specific]);
    // The generic slot is now fallback content of the specific one, so it is not rendered.
    expect(specific.checkVisibility()).to.be.true;
    expect(generic.checkVisibility()).to.be.false;
  });

  it('uses 15 s of speech per recording by default and the shared 3-minute limit', async () => {
    const el = await recorderWith({ model: 'apollo' });
    expect(el.maxSeconds).to.equal(180);
    expect(part(el, 'prompt')!.textContent).to.match(/15 s of speech/);
  });
});
