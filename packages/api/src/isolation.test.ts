import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { appRouter, createCaller } from './root.js';
import { ACTOR_NAMES, type ActorName, signInActors, snapshot } from './testing/actors.js';
import { type Fixtures, PROCEDURES, type ProcedureSpec } from './testing/procedures.js';
import { createContext } from './trpc.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const A = 'worcestershire';
const B = 'somerset';
const DENIED = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];

const ROLE_OF: Record<ActorName, Partial<Record<string, 'editor' | 'publisher'>>> = {
  anonymous: {},
  editorA: { [A]: 'editor' },
  publisherA: { [A]: 'publisher' },
  publisherB: { [B]: 'publisher' },
  admin: {},
};

/** Whether the table says this actor may call this procedure for this council. */
function permitted(spec: ProcedureSpec, actor: ActorName, council: string): boolean {
  switch (spec.access) {
    case 'public':
      return true;
    case 'signed-in':
      return actor !== 'anonymous';
    case 'admin':
      return actor === 'admin';
    case 'member':
      return ROLE_OF[actor][council] !== undefined;
    case 'publisher':
      return ROLE_OF[actor][council] === 'publisher';
  }
}

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

it('the table covers every procedure in the router', () => {
  expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(PROCEDURES).sort());
});

const GUARDED = Object.entries(PROCEDURES).filter(([, spec]) => spec.access !== 'public');

describeEachDialect(describe, 'tenant isolation on %s', (dialect) => {
  describe.each(GUARDED)('%s', (path, spec) => {
    let t: TestDatabase;
    let tokens: Record<ActorName, string | null>;
    let fixtures: Fixtures;
    beforeAll(async () => {
      t = await openTestDatabase(dialect, { seed: true });
      tokens = await signInActors(t.db, A, B, NOW);
      fixtures = { db: t.db, invitationOf: await pendingInvitations(t), feedbackOf: await sentMessages(t) };
    });
    afterAll(() => t.destroy());

    const call = (actor: ActorName, input: unknown) => {
      const caller = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens[actor] })) as unknown as Record<
        string,
        Record<string, (input: unknown) => Promise<unknown>>
      >;
      const [area, name] = path.split('.') as [string, string];
      return caller[area]![name]!(input);
    };

    it.each(ACTOR_NAMES)('as %s: refused where not permitted, changing nothing', async (actor) => {
      // Signing out ends the session, so it is tried once; everything else for both councils.
      for (const council of spec.access === 'signed-in' ? [A] : [A, B]) {
        const input = spec.input(council, fixtures);
        if (permitted(spec, actor, council)) {
          expect(DENIED.slice(0, 2), `${actor} on ${council}`).not.toContain(await outcome(call(actor, input)));
          continue;
        }
        const before = await snapshot(t.db);
        const code = await outcome(call(actor, input));
        expect(DENIED, `${actor} on ${council} answered ${code}`).toContain(code);
        expect(await snapshot(t.db), `${actor} on ${council} changed data`).toEqual(before);
        // The same call with the other council's id slipped into the input changes nothing either.
        const injected = { ...(input as object), councilId: 'x', council_id: 'x' };
        expect(DENIED).toContain(await outcome(call(actor, injected)));
        expect(await snapshot(t.db)).toEqual(before);
      }
    });
  });

  describe('guessed ids', () => {
    let t: TestDatabase;
    let tokens: Record<ActorName, string | null>;
    beforeAll(async () => {
      t = await openTestDatabase(dialect, { seed: true });
      tokens = await signInActors(t.db, A, B, NOW);
      // Each council has said who to tell about a child at risk, so its messages can be read.
      await t.db.updateTable('councils').set({ safeguarding_contact: 'Front door: 0300 000 0000' }).execute();
    });
    afterAll(() => t.destroy());

    it("cannot mark another council's feedback by naming its id under one's own council", async () => {
      const messages = await sentMessages(t);
      const api = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens.publisherA }));
      const before = await snapshot(t.db);
      expect(await outcome(api.feedback.mark({ council: A, id: messages[B]!, status: 'answered' }))).toBe('NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
      const overview = await api.feedback.overview({ council: A });
      expect(overview.comments.map((comment) => comment.id)).toEqual([messages[A]]);
    });

    it("cannot revoke another council's invitation by naming its id under one's own council", async () => {
      const invitations = await pendingInvitations(t);
      const api = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens.publisherA }));
      const before = await snapshot(t.db);
      const code = await outcome(api.people.revokeInvitation({ council: A, invitationId: invitations[B]! }));
      expect(code).toBe('NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });
  });
});

/** One pending invitation in each council, made directly in the database. */
async function pendingInvitations(t: TestDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const slug of [A, B]) {
    const council = await t.db.selectFrom('councils').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const id = `invitation-${slug}`;
    await t.db
      .insertInto('invitations')
      .values({
        id,
        council_id: council.id,
        email: `invited@${slug}.example.org`,
        role: 'editor',
        token_hash: `hash-${slug}`,
        created_by: null,
        created_at: NOW.toISOString(),
        expires_at: new Date(NOW.getTime() + 86_400_000).toISOString(),
        accepted_at: null,
        revoked_at: null,
      })
      .execute();
    result[slug] = id;
  }
  return result;
}

/** One anonymous message to each council, sent as a reader would. */
async function sentMessages(t: TestDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const slug of [A, B]) {
    const reader = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: null, client: `reader-of-${slug}` }));
    await reader.feedback.send({ council: slug, page: `/${slug}`, topic: null, message: `A message for ${slug}` });
    const council = await t.db.selectFrom('councils').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const row = await t.db.selectFrom('feedback').select('id').where('council_id', '=', council.id).executeTakeFirstOrThrow();
    result[slug] = row.id;
  }
  return result;
}
