import { expect } from '@open-wc/testing';
import { thymiaAdapter } from '../../src/api/adapters/index.js';
import { StatusShapeError } from '../../src/api/status-error.js';
import { QUESTIONNAIRE_AVAILABLE, QUESTIONNAIRE_DETAILS, QUESTIONNAIRE_PENDING, QUESTIONNAIRE_UNSCORED } from '../fixtures/questionnaire.js';

const context = { model: 'helios' };

describe('thymia adapter: questionnaires', () => {
  it('keeps waiting while the person has not completed the questionnaire', () => {
    expect(thymiaAdapter(QUESTIONNAIRE_PENDING, context)).to.deep.equal({
      phase: 'pending',
      status: 'RESULTS_NOT_AVAILABLE',
      response: QUESTIONNAIRE_PENDING,
    });
  });

  it('completes with the details as results and a questionnaire view', () => {
    const outcome = thymiaAdapter(QUESTIONNAIRE_AVAILABLE, context);
    if (outcome.phase !== 'complete') throw new Error(outcome.phase);
    expect(outcome.model).to.equal('questionnaire');
    expect(outcome.results).to.deep.equal(QUESTIONNAIRE_DETAILS);
    expect(outcome.views).to.deep.equal([{ kind: 'questionnaire', details: QUESTIONNAIRE_DETAILS }]);
  });

  it('accepts a questionnaire that cannot be scored', () => {
    const outcome = thymiaAdapter(QUESTIONNAIRE_UNSCORED, context);
    expect(outcome.phase).to.equal('complete');
  });

  it('completes with nothing to show when the server half withheld the details (results policy none)', () => {
    const outcome = thymiaAdapter({ status: 'RESULTS_AVAILABLE' }, context);
    expect(outcome.phase).to.equal('complete');
    expect(outcome.phase === 'complete' && outcome.views).to.deep.equal([]);
  });

  it('rejects details that are there but broken', () => {
    expect(() => thymiaAdapter({ status: 'RESULTS_AVAILABLE', details: { name: 'x' } }, context)).to.throw(StatusShapeError);
  });
});
