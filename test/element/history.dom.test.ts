/**
 * history-url: after a result the element fetches the person's history
 * (here the mock's scripted route answers as the server half's GET /history
 * would) and shows each reading against their baseline, or how many
 * sessions the baseline still needs.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { nextEvent, part, recordEvents, waitForState, type Recorder } from '../helpers/element.js';
import { recorderWith, scriptStatus, shadow, texts } from '../helpers/protocol.js';
import { APOLLO_COMPLETE } from '../fixtures/apollo.js';
import { HELIOS_COMPLETE, historyAnswer } from '../fixtures/history.js';

/** A Helios result on a page whose history answers `history`. */
async function withHistory(history: unknown, attributes: Record<string, string> = {}, body: unknown = HELIOS_COMPLETE) {
  const statusUrl = await scriptStatus(body);
  const historyUrl = await scriptStatus(history);
  const el = await recorderWith({ follow: '', 'status-url': statusUrl, 'history-url': historyUrl, ...attributes });
  const log = recordEvents(el);
  return { el, log, historyUrl };
}

async function shownHistory(el: Recorder): Promise<HTMLElement> {
  await waitForState(el, 'complete');
  await waitUntil(() => part(el, 'history'), 'the history view shows', { timeout: 5000 });
  await el.updateComplete;
  return part(el, 'history')!;
}

describe('<thymia-recorder history-url>', () => {
  it('before the baseline: says how many sessions it still needs, and the event carries the runs', async () => {
    const answer = historyAnswer([0.2, 0.3]);
    const { el } = await withHistory(answer);
    const event = nextEvent(el, 'thymia-history');
    const history = await shownHistory(el);
    expect(history.dataset.baseline).to.equal('forming');
    expect(history.querySelector('.history-progress')!.textContent).to.equal('2 of 3 sessions to your baseline');
    expect(history.querySelectorAll('svg')).to.have.length(0);
    const { detail } = await event;
    expect(detail.runs).to.deep.equal(answer.runs);
    expect(detail.baseline).to.deep.equal({ sessions: 3, counted: 2 });
  });

  it('with a baseline: each measure against the median of the first three, in words, with a trend chart and a table', async () => {
    // Stress: first three 0.2, 0.3, 0.25 (median 0.25), then 0.4 and now 0.7 → higher than usual; the rest steady.
    const { el } = await withHistory(historyAnswer([0.2, 0.3, 0.25, 0.4, 0.7]));
    const event = nextEvent(el, 'thymia-history');
    const history = await shownHistory(el);
    expect(history.dataset.baseline).to.equal('ready');
    const rows = [...history.querySelectorAll<HTMLElement>('.history-measure')];
    expect(rows.map((row) => [row.dataset.measure, row.dataset.comparison])).to.deep.equal([
      ['mentalStrain', 'usual'],
      ['distress', 'usual'],
      ['stress', 'higher'],
      ['exhaustion', 'usual'],
      ['sleepPropensity', 'usual'],
      ['lowSelfEsteem', 'usual'],
    ]);
    const stress = rows[2]!;
    expect(stress.querySelector('.history-comparison')!.textContent).to.equal('Higher than your usual');
    // The chart: five points and the baseline line, hidden from assistive technology; the table says it in words.
    const chart = stress.querySelector('svg')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    expect(chart.querySelector('polyline')!.getAttribute('points')!.split(' ')).to.have.length(5);
    expect(chart.querySelector('line.trend-baseline')).to.exist;
    const table = stress.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.equal('Stress: your recent sessions');
    expect([...table.querySelectorAll('tbody tr td')].map((cell) => cell.textContent)).to.deep.equal([
      'Moderately low',
      'Moderately low',
      'Moderately low',
      'Moderately low',
      'Moderately high',
      'Moderately low',
    ]);
    expect(texts(el, '[part~="history"] th[scope="row"]').at(-1)).to.equal('Your usual');
    const { detail } = await event;
    expect(detail.baseline.counted).to.equal(3);
    expect(detail.baseline.values!.stress).to.equal(0.25);
    // No numbers on screen: words only (the dates are in the hidden table).
    expect(texts(el, '.history-measure > span').join(' ')).not.to.match(/\d/);
  });

  it('baseline-sessions sets how many first sessions make the baseline', async () => {
    const { el } = await withHistory(historyAnswer([0.2, 0.6]), { 'baseline-sessions': '2' });
    const history = await shownHistory(el);
    expect(history.dataset.baseline).to.equal('ready');
    const { el: five } = await withHistory(historyAnswer([0.2, 0.6]), { 'baseline-sessions': '5' });
    expect((await shownHistory(five)).querySelector('.history-progress')!.textContent).to.equal('2 of 5 sessions to your baseline');
  });

  it('in Japanese', async () => {
    const { el } = await withHistory(historyAnswer([0.2, 0.3]), { lang: 'ja' });
    const history = await shownHistory(el);
    expect(history.querySelector('h3')!.textContent).to.equal('いつものあなたとの比較');
    expect(history.querySelector('.history-progress')!.textContent).to.equal('ベースラインまで 3 回中 2 回');
  });

  it('a history-url outside the URL policy: missing-config naming it, no request, the result still shown', async () => {
    const statusUrl = await scriptStatus(HELIOS_COMPLETE);
    const el = await recorderWith({ follow: '', 'status-url': statusUrl, 'history-url': 'javascript:alert(1)' });
    const error = nextEvent(el, 'thymia-error');
    await waitForState(el, 'complete');
    const { detail } = await error;
    expect(detail.code).to.equal('missing-config');
    expect(detail.message).to.include('history-url');
    await el.updateComplete;
    expect(part(el, 'history')).to.equal(null);
    expect(part(el, 'results')).to.exist;
  });

  it('a history that fails to load leaves the result as it is', async () => {
    const statusUrl = await scriptStatus(HELIOS_COMPLETE);
    const el = await recorderWith({ follow: '', 'status-url': statusUrl, 'history-url': '/__mock/script/no-such-script' });
    const log = recordEvents(el);
    await waitForState(el, 'complete');
    await el.updateComplete;
    expect(part(el, 'results')).to.exist;
    expect(part(el, 'history')).to.equal(null);
    expect(log.of('thymia-history')).to.have.length(0);
    expect(el.state).to.equal('complete');
  });

  it('Apollo: no history unless results="full"', async () => {
    const apolloRuns = { runs: [{ runId: 'a-1', model: 'apollo', completedAt: '2026-11-01T08:00:00.000Z', results: APOLLO_COMPLETE }] };
    const summary = await withHistory(apolloRuns, { model: 'apollo', results: 'summary' }, APOLLO_COMPLETE);
    await waitForState(summary.el, 'complete');
    await summary.el.updateComplete;
    expect(part(summary.el, 'history')).to.equal(null);
    expect(summary.log.of('thymia-history')).to.have.length(0);

    const full = await withHistory(apolloRuns, { model: 'apollo', results: 'full' }, APOLLO_COMPLETE);
    const history = await shownHistory(full.el);
    expect(history.querySelector('.history-progress')!.textContent).to.equal('1 of 3 sessions to your baseline');
    expect(shadow(full.el).querySelector('[part~="history"]')).to.exist;
  });
});
