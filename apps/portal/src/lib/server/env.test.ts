import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('defaults to port 3000 and the API on 127.0.0.1:3001', () => {
    expect(readEnv({})).toEqual({ port: 3000, apiUrl: 'http://127.0.0.1:3001' });
  });

  it('reads PORT and API_URL, dropping a trailing slash', () => {
    expect(readEnv({ PORT: '8080', API_URL: 'https://api.example.org/' })).toEqual({
      port: 8080,
      apiUrl: 'https://api.example.org',
    });
  });

  it('refuses values it cannot use, naming them', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readEnv({ API_URL: 'nowhere' })).toThrow(/API_URL/);
    expect(() => readEnv({ API_URL: 'ftp://files.example.org' })).toThrow(/API_URL/);
  });
});
