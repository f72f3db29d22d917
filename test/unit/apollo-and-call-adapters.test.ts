import { expect } from '@open-wc/testing';
import { apolloAdapter } from '../../src/api/adapters/apollo.js';
import { thymiaAdapter } from '../../src/api/adapters/index.js';
import type { StatusOutcome } from '../../src/api/outcome.js';
import { StatusShapeError } from '../../src/api/status-error.js';
import { APOLLO_COMPLETE, APOLLO_CREATED, APOLLO_ERROR, APOLLO_RESULTS, APOLLO_RUNNING } from '../fixtures/apollo.js';
import { CALL_COMPLETE, CALL_IN_PROGRESS, CALL_PROCESSING, EMOTIONS_RUN, MENTAL_WELLNESS_RUN } from '../fixtures/thymia-call.js';

const apollo = { model: 'apollo' };
const helios = { model: 'helios' };

function complete(outcome: StatusOutcome) {
  if (outcome.phase !== 'complete') throw new Error(`expected complete, got ${outcome.phase}`);
  return outcome;
}

describe('thymia adapter: Apollo model runs', () => {
  it('reads CREATED and RUNNING as pending, whatever the element model', () => {
    expect(thymiaAdapter(APOLLO_CREATED, apollo)).to.include({ phase: 'pending', status: 'CREATED' });
    expect(thymiaAdapter(APOLLO_RUNNING, apollo)).to.include({ phase: 'pending', status: 'RUNNING' });
    expect(thymiaAdapter(APOLLO_RUNNING, helios)).to.include({ phase: 'pending', status: 'RUNNING' });
  });

  it('turns COMPLETE_OK into an apollo view with the report, model version and warnings', () => {
    const outcome = complete(thymiaAdapter(APOLLO_COMPLETE, apollo));
    expect(outcome.model).to.equal('apollo');
    expect(outcome.modelRunId).to.equal(APOLLO_COMPLETE.id);
    expect(outcome.results).to.deep.equal(APOLLO_RESULTS);
    expect(outcome.warnings).to.deep.equal(['Audio quality may affect result accuracy.']);
    expect(outcome.views).to.have.length(1);
    const view = outcome.views[0];
    if (view.kind !== 'apollo') throw new Error(view.kind);
    expect(view.modelVersion).to.equal('apollo-1.0');
    expect(view.report?.pdfUrl).to.equal(APOLLO_COMPLETE.report.pdfUrl);
    expect(Object.keys(view.results.symptoms.depression)).to.have.length(8);
    expect(Object.keys(view.results.symptoms.anxiety)).to.have.length(7);
  });

  it('completes with nothing to show when the server half withheld the results (policy none)', () => {
    const { results: _results, report: _report, ...withheld } = APOLLO_COMPLETE;
    const outcome = complete(thymiaAdapter(withheld, apollo));
    expect(outcome.views).to.deep.equal([]);
    expect(outcome.warnings).to.deep.equal(['Audio quality may affect result accuracy.']);
    expect(complete(thymiaAdapter(withheld, helios)).views).to.deep.equal([]);
  });

  it('recognises Apollo results on an element left at model="helios" (results decide)', () => {
    expect(complete(thymiaAdapter(APOLLO_COMPLETE, helios)).model).to.equal('apollo');
  });

  it('still reads Helios runs as mental-wellness', () => {
    const outcome = complete(thymiaAdapter(MENTAL_WELLNESS_RUN, helios));
    expect(outcome.model).to.equal('helios');
    expect(outcome.views[0].kind).to.equal('mental-wellness');
  });

  it('reports COMPLETE_ERROR with thymia errorCode', () => {
    expect(thymiaAdapter(APOLLO_ERROR, apollo)).to.include({ phase: 'failed', errorCode: 'ERR_RECORDING_TOO_SHORT' });
  });

  it('keeps unknown extra fields and symptoms thymia may add later', () => {
    const body = {
      ...APOLLO_COMPLETE,
      futureField: { x: 1 },
      results: {
        ...APOLLO_RESULTS,
        symptoms: {
          ...APOLLO_RESULTS.symptoms,
          anxiety: { ...APOLLO_RESULTS.symptoms.anxiety, panicattacks: { severity: 0.1, distribution: { none: 0.7, mild: 0.2, moderate: 0.1, severe: 0 } } },
        },
      },
    };
    const outcome = complete(apolloAdapter(body, apollo));
    expect((outcome.response as { futureField: unknown }).futureField).to.deep.equal({ x: 1 });
  });

  it('rejects results that break the documented shape', () => {
    const outOfRange = { ...APOLLO_COMPLETE, results: { ...APOLLO_RESULTS, disorders: { ...APOLLO_RESULTS.disorders, anxiety: { probability: 1.4, severity: 0.2 } } } };
    expect(() => thymiaAdapter(outOfRange, apollo)).to.throw(StatusShapeError);
    const noSymptoms = { ...APOLLO_COMPLETE, results: { disorders: APOLLO_RESULTS.disorders } };
    expect(() => thymiaAdapter(noSymptoms, apollo)).to.throw(StatusShapeError);
    const noResults = { ...APOLLO_COMPLETE, results: null };
    expect(() => thymiaAdapter(noResults, apollo)).to.throw(StatusShapeError);
    const badDistribution = {
      ...APOLLO_COMPLETE,
      results: { ...APOLLO_RESULTS, symptoms: { ...APOLLO_RESULTS.symptoms, depression: { anhedonia: { severity: 0.5, distribution: { none: 0.5 } } } } },
    };
    expect(() => thymiaAdapter(badDistribution, apollo)).to.throw(StatusShapeError);
  });
});

describe('thymia adapter: voice-agent calls (GET /v1/calls/{id})', () => {
  it('waits while the call has no model runs, reporting the call status', () => {
    expect(thymiaAdapter(CALL_IN_PROGRESS, helios)).to.include({ phase: 'pending', status: 'IN_PROGRESS' });
  });

  it('waits while any model run is CREATED or RUNNING', () => {
    expect(thymiaAdapter(CALL_PROCESSING, helios)).to.include({ phase: 'pending', status: 'COMPLETED' });
  });

  it('completes with one view per model run, in a stable order, with each run’s results', () => {
    const outcome = complete(thymiaAdapter(CALL_COMPLETE, helios));
    expect(outcome.model).to.equal('call');
    expect(outcome.modelRunId).to.equal(CALL_COMPLETE.id);
    expect(outcome.views.map((view) => view.kind)).to.deep.equal(['mental-wellness', 'apollo', 'emotions']);
    expect(outcome.results).to.deep.equal({
      mentalWellness: MENTAL_WELLNESS_RUN.results,
      apollo: APOLLO_RESULTS,
      emotions: EMOTIONS_RUN.results,
    });
    expect(outcome.warnings).to.deep.equal(['Audio quality may affect result accuracy.']);
    expect(outcome.response).to.deep.equal(CALL_COMPLETE);
  });

  it('renders whichever runs are present (emotions only)', () => {
    const outcome = complete(thymiaAdapter({ ...CALL_COMPLETE, modelRun: { emotions: EMOTIONS_RUN } }, helios));
    expect(outcome.views.map((view) => view.kind)).to.deep.equal(['emotions']);
  });

  it('skips a failed run when another succeeded, and fails when all failed', () => {
    const mixed = { ...CALL_COMPLETE, modelRun: { mentalWellness: MENTAL_WELLNESS_RUN, apollo: APOLLO_ERROR } };
    expect(complete(thymiaAdapter(mixed, helios)).views.map((view) => view.kind)).to.deep.equal(['mental-wellness']);
    const failed = { ...CALL_COMPLETE, modelRun: { apollo: APOLLO_ERROR } };
    expect(thymiaAdapter(failed, helios)).to.include({ phase: 'failed', errorCode: 'ERR_RECORDING_TOO_SHORT' });
  });

  it('ends the wait when a call without model runs fails', () => {
    expect(thymiaAdapter({ ...CALL_IN_PROGRESS, status: 'NO_ANSWER' }, helios)).to.include({
      phase: 'failed',
      errorCode: 'NO_ANSWER',
      callFailure: 'no-answer',
    });
  });

  it('rejects a call body without a status', () => {
    const { status: _status, ...body } = CALL_COMPLETE;
    expect(() => thymiaAdapter(body, helios)).to.throw(StatusShapeError);
  });
});

