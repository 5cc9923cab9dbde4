import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { Refusal, SECTIONS } from '@pledgekeeper/domain/workspace';
import { appRouter } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';
import { NOW, W, pledgeWith, workspaceCallers } from '../testing/workspace-callers.js';

describeEachDialect(describe, 'saving sections of the workspace on %s', (dialect) => {
  let t: TestDatabase;
  let callers: Awaited<ReturnType<typeof workspaceCallers>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    callers = await workspaceCallers(t);
  });
  afterEach(() => t.destroy());

  const as = (...args: Parameters<typeof callers.as>) => callers.as(...args);
  const tables = () => callers.tables();

  it('refuses the second of two saves of one section from the same revision, with the first one to show', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const mine = pledgeWith(content.pledge!, (p) => {
      p.promises[0]!.text = 'Mine';
    });
    const theirs = pledgeWith(content.pledge!, (p) => {
      p.promises[0]!.text = 'Theirs';
    });
    await as('editor').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: mine });
    const error = await rejection(
      as('editor2').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: theirs }),
      'CONFLICT',
    );
    expect(error.message).toBe(
      'Someone else saved this section while you were editing it. Their version is shown; your text is kept below it.',
    );
    expect(error.cause).toBeInstanceOf(Refusal);
    expect((error.cause as Refusal).details?.conflict).toEqual({
      section: 'pledge',
      revision: 1,
      // A promise whose words an editor changed is the council's: no longer Pledgekeeper's suggestion.
      content: pledgeWith(mine, (p) => {
        p.promises[0]!.plainWordsSuggested = false;
        p.promises[0]!.principlesSuggested = false;
      }),
      savedBy: 'editor',
      savedAt: NOW.toISOString(),
    });
    expect((await as('editor2').workspace.draft({ council: W })).content.pledge?.promises[0]?.text).toBe('Mine');
  });

  it('sends the conflict to the client in the error data', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    await as('editor').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: content.contacts });
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      createContext: () => createContext({ db: t.db, now: () => NOW, sessionToken: callers.tokens.editor2 }),
      req: new Request('http://localhost/trpc/workspace.saveSection', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ council: W, section: 'contacts', revision: 0, content: [] }),
      }),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { data: { conflict: unknown } } };
    expect(body.error.data.conflict).toEqual({
      section: 'contacts',
      revision: 1,
      content: content.contacts,
      savedBy: 'editor',
      savedAt: NOW.toISOString(),
    });
  });

  it('accepts saves of different sections from the same starting point', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    await as('editor').workspace.saveSection({
      council: W,
      section: 'board',
      revision: 0,
      content: { ...content.board!, name: 'The Board' },
    });
    await as('editor2').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] });
    const draft = await as('editor').workspace.draft({ council: W });
    expect(draft.content.board?.name).toBe('The Board');
    expect(draft.content.contacts).toEqual([]);
    expect(draft.revisions).toMatchObject({ board: 1, contacts: 1, pledge: 0 });
  });

  it('loses no save when many arrive at once', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const saves = [
      as('editor').workspace.saveSection({ council: W, section: 'board', revision: 0, content: { ...content.board!, name: 'Board 1' } }),
      as('editor2').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] }),
      as('publisher').workspace.saveSection({ council: W, section: 'events', revision: 0, content: [] }),
      as('editor').workspace.saveSection({
        council: W,
        section: 'statement',
        revision: 0,
        content: { ...content.statement, summary: 'New summary' },
      }),
      as('editor2').workspace.saveSection({ council: W, section: 'board', revision: 0, content: { ...content.board!, name: 'Board 2' } }),
    ];
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as TRPCError).code).toBe('CONFLICT');
    const draft = await as('editor').workspace.draft({ council: W });
    expect(draft.revisions).toMatchObject({ board: 1, contacts: 1, events: 1, statement: 1, pledge: 0 });
    expect(draft.content.statement.summary).toBe('New summary');
    expect(draft.content.contacts).toEqual([]);
    expect(['Board 1', 'Board 2']).toContain(draft.content.board?.name);
  });

  it('refuses a pledge that breaks the rules, naming the promise, and changes nothing', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const before = await tables();
    const broken = pledgeWith(content.pledge!, (p) => {
      p.promises[1]!.number = 5;
    });
    const error = await rejection(
      as('editor').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: broken }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^The pledge cannot be saved until this is fixed: Promise 2 in the list is numbered 5/);
    const shapeless = await rejection(
      as('editor').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [{ team: 'No way to reach us' }] }),
      'BAD_REQUEST',
    );
    expect(shapeless.message).toMatch(/at least one way to reach it/);
    expect(await tables()).toEqual(before);
  });

  it('answers any malformed save with a 4xx and changes nothing', async () => {
    const editor = as('editor');
    const nasty = fc.oneof(
      fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }),
      fc.constantFrom('<script>alert(1)</script>', "'; drop table editions; --", '\u202egnp.exe', 'a\u200bb', '__proto__'),
      fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "team": "x"}')),
      fc.constant([{ team: 'x'.repeat(1_000_000), phone: '01905 000000' }]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SECTIONS, 'council', '__proto__'),
        fc.oneof(fc.integer(), fc.double(), fc.string()),
        nasty,
        async (section, revision, content) => {
          const before = await tables();
          const outcome = await editor.workspace.saveSection({ council: W, section, revision, content } as never).then(
            () => null,
            (error: unknown) => error,
          );
          if (outcome === null) return; // a valid save of a section: allowed
          expect(outcome).toBeInstanceOf(TRPCError);
          expect(['BAD_REQUEST', 'CONFLICT']).toContain((outcome as TRPCError).code);
          expect((outcome as TRPCError).message.length).toBeGreaterThan(0);
          expect(await tables()).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
