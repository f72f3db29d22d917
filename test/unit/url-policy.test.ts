import { expect } from '@open-wc/testing';
import { allowedUrl, checkUrl, isLoopbackHost } from '../../src/api/url-policy.js';
import { RecorderError } from '../../src/errors.js';

const page = 'http://127.0.0.1:8000/demo/index.html';
const publicPage = 'https://shop.example/checkout';

function refusal(value: string, attribute: string, pageUrl = page): RecorderError {
  try {
    checkUrl(value, attribute, pageUrl);
  } catch (error) {
    return error as RecorderError;
  }
  throw new Error(`${value} was accepted`);
}

describe('checkUrl', () => {
  it('accepts https anywhere and resolves relative URLs against the page', () => {
    expect(checkUrl('https://bucket.s3.amazonaws.com/a?X-Amz-Expires=3600', 'upload-url', publicPage)).to.equal(
      'https://bucket.s3.amazonaws.com/a?X-Amz-Expires=3600',
    );
    expect(checkUrl('/api/session', 'session-url', publicPage)).to.equal('https://shop.example/api/session');
    expect(checkUrl('../status/1', 'status-url', page)).to.equal('http://127.0.0.1:8000/status/1');
  });

  it('accepts plain http on the page origin and on loopback hosts only', () => {
    expect(checkUrl('http://127.0.0.1:8000/up', 'upload-url', page)).to.equal('http://127.0.0.1:8000/up');
    expect(checkUrl('http://shop.example/api', 'session-url', 'http://shop.example/')).to.equal('http://shop.example/api');
    for (const loopback of ['http://localhost:9000/x', 'http://127.8.9.10/x', 'http://[::1]:7480/x', 'http://api.localhost/x']) {
      expect(checkUrl(loopback, 'upload-url', publicPage), loopback).to.equal(new URL(loopback).href);
    }
  });

  it('refuses every other URL with missing-config naming the attribute', () => {
    const refused: [string, string][] = [
      ['javascript:alert(1)', 'activity-link'],
      ['data:text/plain,hi', 'upload-url'],
      ['http://evil.example/upload', 'upload-url'],
      ['http://shop.example.evil/x', 'status-url'],
      ['http://128.0.0.1/x', 'read-aloud-upload-url'],
      ['ftp://files.example/x', 'mood-question-upload-url'],
      ['blob:https://shop.example/1234', 'upload-url'],
      ['http://[::2]/x', 'session-url'],
      ['https://', 'status-url'],
      ['', 'session-url'],
      ['   ', 'session-url'],
    ];
    for (const [value, attribute] of refused) {
      const error = refusal(value, attribute, publicPage);
      expect(error, value).to.be.instanceOf(RecorderError);
      expect(error.code, value).to.equal('missing-config');
      expect(error.message, value).to.contain(attribute);
    }
  });

  it('refuses http to another host even when the page itself is on http', () => {
    expect(refusal('http://other.example/x', 'upload-url', 'http://shop.example/').code).to.equal('missing-config');
    expect(allowedUrl('http://shop.example:8080/x', 'http://shop.example/'), 'another port is another origin').to.equal(undefined);
  });

  it('defaults to the current page', () => {
    expect(checkUrl('/x', 'status-url')).to.equal(new URL('/x', location.href).href);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses', () => {
    expect(['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.255.0.9', '[::1]'].every(isLoopbackHost)).to.be.true;
    expect(['localhost.example', '10.0.0.1', '[::2]', '1127.0.0.1', 'example.com'].some(isLoopbackHost)).to.be.false;
  });
});
