import { expect } from '@open-wc/testing';
import { nextEvent, part, recordEvents, waitForState } from '../helpers/element.js';
import { recorderWith, scriptStatus, shadow, texts } from '../helpers/protocol.js';
import { APOLLO_COMPLETE, APOLLO_CREATED, APOLLO_RESULTS, APOLLO_RUNNING } from '../fixtures/apollo.js';

/** An Apollo element following a run that completes after two polls. */
async function apolloResults(attributes: Record<string, string> = {}, body: unknown = APOLLO_COMPLETE) {
  const statusUrl = await scriptStatus(APOLLO_CREATED, APOLLO_RUNNING, body);
  const el = await recorderWith({ model: 'apollo', follow: '', 'status-url': statusUrl, ...attributes });
  const log = recordEvents(el);
  const result = nextEvent(el, 'thymia-result');
  await waitForState(el, 'complete');
  return { el, log, detail: (await result).detail };
}

describe('<thymia-recorder model="apollo"> results', () => {
  it('shows no scores by default, only a neutral acknowledgement; the event carries everything', async () => {
    const { el, detail, log } = await apolloResults();
    const results = part(el, 'results')!;
    expect(results.textContent!.trim()).to.equal('Thank you — your recordings were submitted.');
    expect(results.querySelectorAll('[role="meter"], .distribution, a, .disorder')).to.have.length(0);
    expect(results.textContent).not.to.match(/depression|anxiety|likelihood|%/i);
    expect(detail.model).to.equal('apollo');
    expect(detail.results).to.deep.equal(APOLLO_RESULTS);
    expect(detail.warnings).to.deep.equal(APOLLO_COMPLETE.warnings);
    expect(detail.response).to.deep.equal(APOLLO_COMPLETE);
    expect(log.of('thymia-status').map((status) => status.status)).to.deep.equal(['CREATED', 'RUNNING', 'COMPLETE_OK']);
  });

  it('results="none" is the same neutral acknowledgement', async () => {
    const { el } = await apolloResults({ results: 'none' });
    expect(part(el, 'results')!.textContent!.trim()).to.equal('Thank you — your recordings were submitted.');
  });

  it('results="summary" shows the clinician notice, warnings, both disorders with their band, and the model version only', async () => {
    const { el } = await apolloResults({ results: 'summary' });
    const root = shadow(el);
    expect(part(el, 'clinician-notice')!.textContent).to.match(/qualified healthcare professionals.*not a diagnosis/s);
    expect(part(el, 'warnings')!.textContent).to.include('Audio quality may affect result accuracy.');
    const disorders = [...root.querySelectorAll<HTMLElement>('.disorder')];
    expect(disorders.map((row) => [row.dataset.disorder, row.dataset.band])).to.deep.equal([
      ['depression', 'moderate'],
      ['anxiety', 'low'],
    ]);
    expect(texts(el, '.disorder .band')).to.deep.equal([
      'Moderate likelihood — consistent with clinical presentation',
      'Low likelihood — below diagnostic threshold',
    ]);
    expect(texts(el, '.disorder .figure')).to.deep.equal(['Probability: 61%', 'Severity: 58%', 'Probability: 27%', 'Severity: 22%']);
    expect(root.querySelector('.model-version')!.textContent).to.include('apollo-1.0');
    expect(root.querySelectorAll('.symptom, a, [part~="report"]')).to.have.length(0);
  });

  it('results="full" adds every symptom with severity and a stacked distribution bar, and the report links', async () => {
    const { el } = await apolloResults({ results: 'full' });
    const root = shadow(el);
    expect(part(el, 'clinician-notice')).to.exist;
    const symptoms = [...root.querySelectorAll<HTMLElement>('.symptom')];
    expect(symptoms).to.have.length(15);
    expect(symptoms.map((row) => row.dataset.symptom)).to.deep.equal([
      ...Object.keys(APOLLO_RESULTS.symptoms.depression),
      ...Object.keys(APOLLO_RESULTS.symptoms.anxiety),
    ]);
    const anhedonia = root.querySelector<HTMLElement>('[data-symptom="anhedonia"]')!;
    expect(anhedonia.querySelector('.symptom-name')!.textContent).to.equal('Anhedonia');
    expect(anhedonia.querySelector('.symptom-severity')!.textContent).to.equal('Severity: 54%');
    const bar = anhedonia.querySelector('.distribution')!;
    expect(bar.getAttribute('role')).to.equal('img');
    expect(bar.getAttribute('aria-label')).to.equal('None 18%, mild 31%, moderate 28%, severe 23%');
    const segments = [...bar.querySelectorAll<HTMLElement>('.segment')];
    expect(segments.map((segment) => segment.dataset.level)).to.deep.equal(['none', 'mild', 'moderate', 'severe']);
    const widths = segments.map((segment) => segment.getBoundingClientRect().width);
    expect(widths[1]).to.be.greaterThan(widths[0]);
    expect(Math.abs(widths.reduce((a, b) => a + b, 0) - bar.getBoundingClientRect().width)).to.be.below(1.5);
    expect(texts(el, '.symptom-group h4')).to.deep.equal(['Depression symptoms', 'Anxiety symptoms']);

    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[part~="report-link"]')];
    expect(links.map((link) => [link.dataset.report, link.href])).to.deep.equal([
      ['view', APOLLO_COMPLETE.report.viewUrl],
      ['pdf', APOLLO_COMPLETE.report.pdfUrl],
    ]);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
    expect(part(el, 'report')!.textContent).to.match(/Report links expire .*2099/);
    expect(root.querySelector('.model-version')!.textContent).to.include('apollo-1.0');
    expect(part(el, 'results')!.textContent).to.include('not validated for emergencies');
  });

  it('never links a report URL that is not https, and renders response text as text', async () => {
    const body = {
      ...APOLLO_COMPLETE,
      warnings: ['<img src=x onerror="window.__pwned=1">'],
      report: { viewUrl: 'javascript:alert(1)', pdfUrl: 'http://reports.thymia.ai/pdf', accessExpiresAt: '2099-01-01T00:00:00Z' },
    };
    const { el } = await apolloResults({ results: 'full' }, body);
    expect(shadow(el).querySelectorAll('a')).to.have.length(0);
    expect(part(el, 'report')).to.equal(null);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(part(el, 'warnings')!.textContent).to.include('<img src=x');
  });

  it('says when report links have expired instead of offering them', async () => {
    const body = { ...APOLLO_COMPLETE, report: { ...APOLLO_COMPLETE.report, accessExpiresAt: '2020-01-01T00:00:00Z' } };
    const { el } = await apolloResults({ results: 'full' }, body);
    expect(shadow(el).querySelectorAll('a')).to.have.length(0);
    expect(part(el, 'report')!.textContent).to.match(/expired/);
  });

  it('speaks Spanish when the page does', async () => {
    const { el } = await apolloResults({ results: 'full', lang: 'es' });
    expect(texts(el, '.disorder-name')).to.deep.equal(['Depresión mayor', 'Trastorno de ansiedad generalizada']);
    expect(part(el, 'clinician-notice')!.textContent).to.match(/profesionales sanitarios/);
  });
});
