import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('defaults to port 3000 and the API on 127.0.0.1:3001', () => {
    expect(readEnv({})).toEqual({ port: 3000, apiUrl: 'http://127.0.0.1:3001', secret: null, logLevel: 'info' });
  });

  it('reads PORT and API_URL, dropping a trailing slash', () => {
    expect(readEnv({ PORT: '8080', API_URL: 'https://api.example.org/' })).toEqual({
      port: 8080,
      apiUrl: 'https://api.example.org',
      secret: null,
      logLevel: 'info',
    });
  });

  it('reads PLEDGEKEEPER_SECRET, the key that makes the API believe the reader addresses the portal names', () => {
    expect(readEnv({ PLEDGEKEEPER_SECRET: 's'.repeat(32) }).secret).toBe('s'.repeat(32));
    expect(readEnv({ PLEDGEKEEPER_SECRET: '' }).secret).toBeNull();
    expect(() => readEnv({ PLEDGEKEEPER_SECRET: 'too-short' })).toThrow(/PLEDGEKEEPER_SECRET must be at least 32 characters/);
  });

  it('reads LOG_LEVEL with the names the API takes', () => {
    expect(readEnv({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(readEnv({ LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => readEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of .*debug/);
  });

  it('refuses values it cannot use, naming them', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readEnv({ API_URL: 'nowhere' })).toThrow(/API_URL/);
    expect(() => readEnv({ API_URL: 'ftp://files.example.org' })).toThrow(/API_URL/);
  });
});
