import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMETERS, argon2Hasher, passwordHasher } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id at the production cost: 19 MiB, two passes, one lane', async () => {
    expect(ARGON2_PARAMETERS).toEqual({ memorySize: 19456, iterations: 2, parallelism: 1 });
    const hash = await passwordHasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await passwordHasher.verify('correct horse battery staple', hash)).toBe(true);
    expect(await passwordHasher.verify('correct horse battery stapler', hash)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });
    const [a, b] = [await cheap.hash('a long enough password'), await cheap.hash('a long enough password')];
    expect(a).not.toBe(b);
    expect(await cheap.verify('a long enough password', a)).toBe(true);
    expect(await cheap.verify('a long enough password', b)).toBe(true);
  });

  it('checks a hash with the cost written in it, whatever the hasher was made with', async () => {
    const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });
    const hash = await cheap.hash('a long enough password');
    expect(hash.startsWith('$argon2id$v=19$m=8,t=1,p=1$')).toBe(true);
    expect(await passwordHasher.verify('a long enough password', hash)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['not a hash', 'not-a-password'],
    ['another algorithm', '$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['an absurd cost', '$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a truncated digest', '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA'],
  ])('says no, without throwing, to a stored hash that is %s', async (_, stored) => {
    expect(await passwordHasher.verify('a long enough password', stored)).toBe(false);
  });

  it('spends a real verify on an unknown email, and matches nothing', async () => {
    const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });
    await expect(cheap.verifyNothing('whatever')).resolves.toBeUndefined();
  });
});
