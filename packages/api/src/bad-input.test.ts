import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { appRouter, createCaller } from './root.js';
import { type ActorName, signInActors, snapshot, tableNames } from './testing/actors.js';
import { PROCEDURES, type Access } from './testing/procedures.js';
import { argon2Hasher } from './passwords.js';
import { createContext } from './trpc.js';

// Real argon2id, at a cost that lets a thousand sign-in attempts run in seconds.
const cheapHasher = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

const NOW = new Date('2026-11-25T12:00:00Z');
// At least 1,000 runs per mutation in CI on SQLite; PostgreSQL runs a fifth of them, since every
// run there costs a round trip per table and the same code path is under test.
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? (process.env.CI ? 1000 : 100));
const runsOn = (dialect: string) => (dialect === 'postgres' ? Math.ceil(RUNS / 5) : RUNS);
const CLIENT_ERRORS = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE_CONTENT',
  'PRECONDITION_FAILED',
];

let deep: unknown = 'bottom';
for (let i = 0; i < 2000; i++) deep = { a: deep };

/** Inputs that have broken web applications before. */
const NASTIES: unknown[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE councils; --",
  "' OR '1'='1",
  '\u202Eevil\u202C',
  'zero\u200Bwidth\u200D',
  '\u0000',
  'x'.repeat(1_000_000),
  deep,
  JSON.parse('{"__proto__": {"isPlatformAdmin": true}}'),
  { constructor: { prototype: { polluted: true } } },
  [],
  {},
  null,
  -1,
  Number.MAX_SAFE_INTEGER,
  1e308,
  '../../etc/passwd',
  '%00',
  '𝕳𝖊𝖑𝖑𝖔 👩🏽‍🚀',
];

// A refused sign-in is itself recorded: in the audit log, and as an attempt for rate limiting.
const RECORDS_REFUSALS: Record<string, string[]> = { 'auth.signIn': ['audit_log', 'sign_in_attempts'] };
const without = <T extends Record<string, unknown>>(value: T, keys: string[] = []) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

const ACTOR_FOR: Record<Access, ActorName> = {
  public: 'anonymous',
  'signed-in': 'editorA',
  admin: 'admin',
  member: 'editorA',
  publisher: 'publisherA',
};

const MUTATIONS = Object.entries(PROCEDURES).filter(
  ([path]) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]?._def.type === 'mutation',
);

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    return `THREW ${String(error)}`;
  }
}

/** A cheap fingerprint of the whole database: row counts per table and every edition's state. */
async function fingerprint(t: TestDatabase, ignore: string[] = []): Promise<string> {
  const counts: string[] = [];
  for (const table of (await tableNames(t.db)).filter((name) => !ignore.includes(name))) {
    const row = await t.db
      .selectFrom(table as 'councils')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    counts.push(`${table}:${row?.n}`);
  }
  const editions = await t.db.selectFrom('editions').select(['id', 'status', 'lock_version', 'reviewed_at']).orderBy('id').execute();
  return JSON.stringify({ counts, editions });
}

describeEachDialect(describe, 'bad input on %s', (dialect) => {
  describe.each(MUTATIONS)('%s', (path, spec) => {
    let t: TestDatabase;
    let call: (input: unknown) => Promise<unknown>;
    beforeAll(async () => {
      t = await openTestDatabase(dialect, { seed: true });
      const tokens = await signInActors(t.db, 'worcestershire', 'somerset', NOW);
      const caller = createCaller(
        createContext({ db: t.db, now: () => NOW, sessionToken: tokens[ACTOR_FOR[spec.access]], passwordHasher: cheapHasher }),
      ) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
      const [area, name] = path.split('.') as [string, string];
      call = (input) => caller[area]![name]!(input);
    });
    afterAll(() => t.destroy());

    const valid = () =>
      spec.input('worcestershire', { db: t.db, invitationOf: {}, feedbackOf: { worcestershire: '2f1c2b4e-9d7a-4c1e-8f3b-6a5d4c3b2a10' } });

    it('answers every nasty input with a clear 4xx and changes nothing', async () => {
      const base = valid();
      const variants: unknown[] = [...NASTIES];
      if (base && typeof base === 'object') {
        for (const key of Object.keys(base)) {
          for (const nasty of NASTIES) variants.push({ ...base, [key]: nasty });
        }
      }
      for (const input of variants) {
        const before = without(await snapshot(t.db), RECORDS_REFUSALS[path]);
        const code = await outcome(() => call(input));
        if (code === 'OK') continue;
        expect(CLIENT_ERRORS, `${path} answered ${code}`).toContain(code);
        expect(without(await snapshot(t.db), RECORDS_REFUSALS[path])).toEqual(before);
      }
    });

    it(`never fails with a 5xx over ${runsOn(dialect)} generated inputs, and a refusal changes nothing`, async () => {
      const base = valid() as Record<string, unknown> | undefined;
      const value = fc.oneof(
        fc.anything({ maxDepth: 3 }),
        fc.constantFrom(...NASTIES.slice(0, 7)),
        fc.string({ unit: 'binary', maxLength: 80 }),
      );
      const inputs =
        base && typeof base === 'object'
          ? fc.oneof(
              fc.anything({ maxDepth: 3 }),
              fc.tuple(fc.constantFrom(...Object.keys(base)), value).map(([key, v]) => ({ ...base, [key]: v })),
              fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 4 }).map((extra) => ({ ...extra, ...base })),
            )
          : fc.anything({ maxDepth: 3 });
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = await fingerprint(t, RECORDS_REFUSALS[path]);
          const code = await outcome(() => call(input));
          if (code === 'OK') return;
          expect(CLIENT_ERRORS, `${path} answered ${code} to ${JSON.stringify(input)?.slice(0, 200)}`).toContain(code);
          expect(await fingerprint(t, RECORDS_REFUSALS[path])).toBe(before);
        }),
        { numRuns: runsOn(dialect) },
      );
    });
  });
});
