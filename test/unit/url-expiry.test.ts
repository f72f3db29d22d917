import { expect } from '@open-wc/testing';
import { EXPIRY_MARGIN_MS, isUrlExpired, urlExpiresAt } from '../../src/api/url-expiry.js';

const at = (iso: string) => Date.parse(iso);

describe('the expiry a pre-signed URL carries', () => {
  it('S3 SigV4: X-Amz-Date plus X-Amz-Expires seconds', () => {
    const url =
      'https://bucket.s3.eu-west-2.amazonaws.com/runs/1/main?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261123%2Feu-west-2%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261123T094107Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abc';
    expect(urlExpiresAt(url)).to.equal(at('2026-11-23T10:41:07Z'));
  });

  it('Cloud Storage V4: X-Goog-Date plus X-Goog-Expires', () => {
    const url = 'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=20261231T235959Z&X-Goog-Expires=2&X-Goog-Signature=ff';
    expect(urlExpiresAt(url)).to.equal(at('2027-01-01T00:00:01Z'));
  });

  it('Expires in epoch seconds (S3 SigV2, Cloud Storage V2, CloudFront), and relative URLs', () => {
    expect(urlExpiresAt('https://b.s3.amazonaws.com/k?AWSAccessKeyId=A&Expires=1795427267&Signature=x')).to.equal(1_795_427_267_000);
    expect(urlExpiresAt('/upload/k?Expires=1795427267&Signature=x')).to.equal(1_795_427_267_000);
  });

  it('says nothing when the URL does not: no date, a malformed date, an impossible date, a non-numeric lifetime', () => {
    expect(urlExpiresAt('https://example.com/upload/abc')).to.equal(undefined);
    expect(urlExpiresAt('/mock-upload/1/main?X-Amz-Expires=3600&expires=1795427267000&X-Amz-Signature=x'), 'a lifetime with no signing date').to.equal(undefined);
    expect(urlExpiresAt('https://x/k?X-Amz-Date=2026-11-23T09:41:07Z&X-Amz-Expires=60')).to.equal(undefined);
    expect(urlExpiresAt('https://x/k?X-Amz-Date=20260231T094107Z&X-Amz-Expires=60')).to.equal(undefined);
    expect(urlExpiresAt('https://x/k?X-Amz-Date=20261123T094107Z&X-Amz-Expires=-5')).to.equal(undefined);
    expect(urlExpiresAt('https://x/k?Expires=soon')).to.equal(undefined);
    expect(urlExpiresAt('http://[broken')).to.equal(undefined);
  });

  it('calls a URL expired from its expiry minus the margin on, never one that does not say', () => {
    const url = 'https://x/k?X-Amz-Date=20261123T094107Z&X-Amz-Expires=3600';
    const expiry = at('2026-11-23T10:41:07Z');
    expect(isUrlExpired(url, expiry - EXPIRY_MARGIN_MS - 1)).to.be.false;
    expect(isUrlExpired(url, expiry - EXPIRY_MARGIN_MS)).to.be.true;
    expect(isUrlExpired(url, expiry + 1, 0)).to.be.true;
    expect(isUrlExpired(url, expiry - 1, 0)).to.be.false;
    expect(isUrlExpired('https://example.com/upload/abc', Number.MAX_SAFE_INTEGER)).to.be.false;
  });
});
