import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { createCaller } from '../root.js';
import { type ActorName, signInActors, snapshot } from '../testing/actors.js';
import { rejection } from '../testing/rejection.js';
import { createContext } from '../trpc.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const W = 'worcestershire';
const S = 'somerset';

describeEachDialect(describe, 'confirming suggested wording on %s', (dialect) => {
  let t: TestDatabase;
  let tokens: Record<ActorName, string | null>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = await signInActors(t.db, W, S, NOW);
  });
  afterEach(() => t.destroy());

  const as = (actor: ActorName) => createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens[actor] }));

  it('is a publisher’s one click: the public page stops calling the wording suggested, and the audit log says who', async () => {
    const before = await as('anonymous').council.page({ council: W });
    expect(before.pledge?.promises.every((p) => p.plainWordsSuggested && p.principlesSuggested)).toBe(true);
    expect((await as('editorA').wording.review({ council: W })).suggested.promises).toHaveLength(11);

    expect(await as('publisherA').wording.confirm({ council: W, version: 1 })).toEqual({
      version: 1,
      by: 'publisher.a',
      at: NOW.toISOString(),
    });
    const after = await as('anonymous').council.page({ council: W });
    expect(after.pledge?.promises.some((p) => p.plainWordsSuggested || p.principlesSuggested)).toBe(false);
    expect(after.pledge?.promises.map((p) => p.plainWords)).toEqual(before.pledge?.promises.map((p) => p.plainWords));
    expect(after.pledge?.version).toBe(1);
    expect((await as('publisherA').people.audit({ council: W }))[0]).toMatchObject({
      actor: 'publisher.a',
      action: 'wording-confirmed',
    });
    expect((await as('editorA').wording.review({ council: W })).confirmed).toEqual({
      by: 'publisher.a',
      at: NOW.toISOString(),
    });

    // Open data says which links are suggestions: Somerset's still are.
    const matrix = await as('anonymous').compare.matrix({ nation: 'england', sort: 'name' });
    expect(matrix.councils.map((c) => [c.slug, c.suggested])).toEqual([
      [S, true],
      [W, false],
    ]);
  });

  it('refuses an editor clearly, another council’s publisher and anyone signed out, changing nothing', async () => {
    const before = await snapshot(t.db);
    const editor = await rejection(as('editorA').wording.confirm({ council: W, version: 1 }), 'FORBIDDEN');
    expect(editor.message).toBe('Only a publisher of Worcestershire County Council can do this');
    const other = await rejection(as('publisherB').wording.confirm({ council: W, version: 1 }), 'FORBIDDEN');
    expect(other.message).toBe('You do not have a role in Worcestershire County Council');
    await rejection(as('anonymous').wording.confirm({ council: W, version: 1 }), 'UNAUTHORIZED');
    await rejection(as('admin').wording.confirm({ council: W, version: 1 }), 'FORBIDDEN');
    await rejection(as('publisherB').wording.review({ council: W }), 'FORBIDDEN');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('answers bad input and a version that is not the published one with a 4xx, changing nothing', async () => {
    const before = await snapshot(t.db);
    await rejection(as('publisherA').wording.confirm({ council: W, version: 0 }), 'BAD_REQUEST');
    await rejection(as('publisherA').wording.confirm({ council: W, version: 'one' as unknown as number }), 'BAD_REQUEST');
    const stale = await rejection(as('publisherA').wording.confirm({ council: W, version: 7 }), 'CONFLICT');
    expect(stale.message).toBe('Version 7 is no longer the published page: version 1 is. Check its wording, then confirm it.');
    await rejection(as('publisherA').wording.confirm({ council: 'no-such-council', version: 1 }), 'NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
  });
});
