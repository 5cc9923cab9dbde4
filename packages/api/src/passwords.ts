import { randomBytes, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';

/** Hashes and checks passwords. The API takes one from its context, so tests may use a cheaper one. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True if the password matches the encoded hash; false for a wrong password or a hash it cannot read. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Costs what a verify costs and matches nothing: used for an unknown email, so timing does not tell. */
  verifyNothing(password: string): Promise<void>;
}

export interface Argon2Parameters {
  /** KiB of memory. */
  memorySize: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's first recommended argon2id setting: 19 MiB, two passes, one lane. */
export const ARGON2_PARAMETERS: Argon2Parameters = { memorySize: 19456, iterations: 2, parallelism: 1 };
const HASH_LENGTH = 32;
const SALT_LENGTH = 16;

const ENCODED = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
// Bounds on what an encoded hash may ask for, so a bad row cannot make a verify run for minutes.
const MAX_MEMORY = 1 << 20;
const MAX_ITERATIONS = 20;

const fromBase64 = (text: string): Buffer => Buffer.from(text, 'base64');

/** argon2id through hash-wasm, encoded in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export function argon2Hasher(parameters: Argon2Parameters = ARGON2_PARAMETERS): PasswordHasher {
  const hash = (password: string) =>
    argon2id({ password, salt: randomBytes(SALT_LENGTH), ...parameters, hashLength: HASH_LENGTH, outputType: 'encoded' });

  let decoy: Promise<string> | null = null;

  const verify = async (password: string, encoded: string): Promise<boolean> => {
    const match = ENCODED.exec(encoded);
    if (!match) return false;
    const [memorySize, iterations, parallelism] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (memorySize > MAX_MEMORY || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > 16) return false;
    const salt = fromBase64(match[4]!);
    const expected = fromBase64(match[5]!);
    if (expected.length < 16) return false;
    const actual = await argon2id({
      password,
      salt,
      memorySize,
      iterations,
      parallelism,
      hashLength: expected.length,
      outputType: 'binary',
    });
    // hash-wasm's own argon2Verify compares strings with ===; this comparison takes the same time whatever differs.
    return timingSafeEqual(Buffer.from(actual), expected);
  };

  return {
    hash,
    verify,
    async verifyNothing(password: string) {
      decoy ??= hash(randomBytes(16).toString('hex'));
      await verify(password, await decoy);
    },
  };
}

/** The hasher the API uses unless its context is given another. */
export const passwordHasher: PasswordHasher = argon2Hasher();
