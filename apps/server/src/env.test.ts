import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('the server environment', () => {
  it('takes PLEDGEKEEPER_SECRET, the key the portal proves itself with, when it is long enough', () => {
    const secret = 'x'.repeat(32);
    expect(readEnv({ PLEDGEKEEPER_SECRET: secret }).secret).toBe(secret);
    expect(readEnv({ PLEDGEKEEPER_SECRET: '' }).secret).toBeNull();
    expect(readEnv({}).secret).toBeNull();
  });

  it('refuses a short PLEDGEKEEPER_SECRET, naming it', () => {
    expect(() => readEnv({ PLEDGEKEEPER_SECRET: 'too-short' })).toThrow(/PLEDGEKEEPER_SECRET: .*at least 32 characters/);
  });
});
