import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeEachDialect } from './dialects.js';

describe('a suite on each database', () => {
  afterEach(() => vi.unstubAllEnvs());

  const suites = () => {
    const ran: string[] = [];
    const fake = Object.assign((name: string) => ran.push(`run ${name}`), { skip: (name: string) => ran.push(`skip ${name}`) });
    describeEachDialect(fake, 'the API on %s', () => {});
    return ran;
  };

  it('skips PostgreSQL, so the run reports it, when no PostgreSQL is given', () => {
    vi.stubEnv('TEST_POSTGRES_URL', '');
    expect(suites()).toEqual(['run the API on sqlite', 'skip the API on postgres']);
  });

  it('runs both when TEST_POSTGRES_URL names one', () => {
    vi.stubEnv('TEST_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
    expect(suites()).toEqual(['run the API on sqlite', 'run the API on postgres']);
  });
});
