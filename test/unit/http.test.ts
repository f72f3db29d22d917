import { expect } from '@open-wc/testing';
import { isRetryableStatus, mergeHeaders } from '../../src/api/http.js';

describe('shared HTTP rules', () => {
  it('the host\'s headers win over the element\'s, whatever their case, with one value each', () => {
    const merged = mergeHeaders({ Accept: 'application/json', 'Content-Type': 'application/json' }, [
      ['accept', 'application/problem+json'],
      ['Authorization', 'Bearer t'],
    ]);
    expect([...merged.entries()]).to.deep.equal([
      ['accept', 'application/problem+json'],
      ['authorization', 'Bearer t'],
      ['content-type', 'application/json'],
    ]);
    expect([...mergeHeaders(new Headers({ Accept: 'a/b' }), undefined).entries()]).to.deep.equal([['accept', 'a/b']]);
  });

  it('retries no answer, timeouts, rate limits and server errors; never other refusals', () => {
    expect([0, 408, 429, 500, 502, 503, 504].every(isRetryableStatus)).to.be.true;
    expect([200, 204, 400, 401, 403, 404, 409, 410, 422].some(isRetryableStatus)).to.be.false;
  });
});
