import { expect } from '@open-wc/testing';
import { localIsoTime, mintSession } from '../../src/api/session.js';

describe('the session request', () => {
  it('localIsoTime writes the local wall clock to the second, without a zone', () => {
    expect(localIsoTime(new Date(2026, 10, 23, 9, 41, 7, 999))).to.equal('2026-11-23T09:41:07');
    expect(localIsoTime(new Date(2027, 0, 1, 0, 0, 0))).to.equal('2027-01-01T00:00:00');
    const now = new Date();
    const written = localIsoTime(now);
    expect(written).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    // Read back without a zone, JavaScript takes it as local time: the same second.
    expect(new Date(written).getTime()).to.equal(Math.floor(now.getTime() / 1000) * 1000);
  });

  it('POSTs { model, recordingTime, sleepTime, wakeTime } as JSON with the host\'s headers, leaving out what is unknown', async () => {
    const realFetch = window.fetch;
    const sent: { body: unknown; headers: Headers }[] = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ body: JSON.parse(String(init?.body)), headers: new Headers(init?.headers) });
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      const minted = await mintSession(
        '/api/session',
        { model: 'helios', recordingTime: '2026-11-23T09:41:07', sleepTime: '2026-11-22T23:30:00', wakeTime: '2026-11-23T07:05:00' },
        { headers: { Authorization: 'Bearer host-token' } },
      );
      expect(minted.statusUrl).to.be.a('string');
      await mintSession('/api/session', { model: 'apollo', recordingTime: '2026-11-23T09:41:07' });
    } finally {
      window.fetch = realFetch;
    }
    expect(sent[0].body).to.deep.equal({ model: 'helios', recordingTime: '2026-11-23T09:41:07', sleepTime: '2026-11-22T23:30:00', wakeTime: '2026-11-23T07:05:00' });
    expect(sent[0].headers.get('content-type')).to.equal('application/json');
    expect(sent[0].headers.get('authorization')).to.equal('Bearer host-token');
    expect(sent[1].body).to.deep.equal({ model: 'apollo', recordingTime: '2026-11-23T09:41:07' });
  });
});
