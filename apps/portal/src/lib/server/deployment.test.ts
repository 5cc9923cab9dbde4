import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_CACHE_BYTES, proxyWarning, readDeployment, transportHeaders } from './deployment';

describe('how the portal is served', () => {
  it('tells browsers to stay on https when ORIGIN is https, and says nothing on http', () => {
    expect(transportHeaders(readDeployment({ ORIGIN: 'https://pledgekeeper.example' }))).toEqual({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    });
    expect(transportHeaders(readDeployment({ ORIGIN: 'http://127.0.0.1:3000' }))).toEqual({});
    expect(transportHeaders(readDeployment({}))).toEqual({});
  });

  it('warns on https when no address header is set, since every reader would look like the proxy', () => {
    expect(proxyWarning(readDeployment({ ORIGIN: 'https://pledgekeeper.example' }))).toMatch(/ADDRESS_HEADER/);
    expect(proxyWarning(readDeployment({ ORIGIN: 'https://pledgekeeper.example', ADDRESS_HEADER: 'X-Forwarded-For' }))).toBeNull();
    expect(proxyWarning(readDeployment({ ORIGIN: 'http://127.0.0.1:3000' }))).toBeNull();
  });

  it('reads the page cache size in bytes, refusing what it cannot use', () => {
    expect(readDeployment({}).pageCacheBytes).toBe(DEFAULT_PAGE_CACHE_BYTES);
    expect(readDeployment({ PAGE_CACHE_BYTES: '0' }).pageCacheBytes).toBe(0);
    expect(readDeployment({ PAGE_CACHE_BYTES: '1048576' }).pageCacheBytes).toBe(1048576);
    expect(() => readDeployment({ PAGE_CACHE_BYTES: 'lots' })).toThrow(/PAGE_CACHE_BYTES/);
    expect(() => readDeployment({ PAGE_CACHE_BYTES: '-1' })).toThrow(/PAGE_CACHE_BYTES/);
  });

  it('reads the other addresses forms may come from, refusing anything that is not an origin', () => {
    expect(readDeployment({}).trustedOrigins).toEqual([]);
    expect(readDeployment({ TRUSTED_ORIGINS: 'http://127.0.0.1:3000, https://pk.example' }).trustedOrigins).toEqual([
      'http://127.0.0.1:3000',
      'https://pk.example',
    ]);
    expect(() => readDeployment({ TRUSTED_ORIGINS: 'http://127.0.0.1:3000/' })).toThrow(/TRUSTED_ORIGINS/);
    expect(() => readDeployment({ TRUSTED_ORIGINS: '127.0.0.1:3000' })).toThrow(/TRUSTED_ORIGINS/);
  });
});
