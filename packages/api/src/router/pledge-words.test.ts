import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { PledgeContent } from '@pledgekeeper/domain/council';
import type { Role } from '@pledgekeeper/domain/workspace';
import { createCaller } from '../root.js';
import { snapshot } from '../testing/actors.js';
import { rejection } from '../testing/rejection.js';
import { createContext } from '../trpc.js';

/** A pledge as a hostile client might send it: any value in any field. */
type LoosePledge = { promises: [Record<string, unknown>, ...Record<string, unknown>[]]; themes?: unknown };

const NOW = new Date('2026-11-25T12:00:00Z');
const W = 'worcestershire';

describeEachDialect(describe, 'plain words and mappings through the API on %s', (dialect) => {
  let t: TestDatabase;
  let tokens: Record<'editor' | 'publisher', string>;
  const person = async (email: string, role: Role) => {
    const user = await insertUser(t.db, { email, displayName: email.split('@')[0]!, passwordHash: 'not-used' }, NOW);
    await setRole(t.db, (await findCouncilBySlug(t.db, W))!.id, user.id, role, NOW);
    return (await createSession(t.db, user.id, NOW)).token;
  };
  const as = (who: keyof typeof tokens | null) =>
    createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: who ? tokens[who] : null }));

  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = {
      editor: await person('editor@worcestershire.gov.uk', 'editor'),
      publisher: await person('publisher@worcestershire.gov.uk', 'publisher'),
    };
  });
  afterEach(() => t.destroy());

  const draftPledge = async () => structuredClone((await as('editor').workspace.draft({ council: W })).content.pledge!);
  const savePledge = (content: unknown) =>
    as('editor').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: content as PledgeContent });

  it('shows the public plain words and theme principles, and never the suggestions editors turned down', async () => {
    const worcestershire = await as(null).council.page({ council: W });
    expect(worcestershire.pledge?.promises[0]).toMatchObject({
      plainWords: 'We will help you to stay safe. We will work hard to stop bullying.',
      principles: ['cswa2017-1f'],
    });
    expect(JSON.stringify(worcestershire)).not.toContain('rejectedSuggestions');
    const somerset = await as(null).council.page({ council: 'somerset' });
    expect(somerset.pledge?.themes[5]).toMatchObject({
      title: 'Leaving care and preparation for independence',
      principles: ['cswa2017-1g'],
    });
    // The workspace, for the council's own editors, keeps them.
    expect((await draftPledge()).promises[9]?.rejectedSuggestions).toEqual(['cswa2017-1f']);
  });

  it('publishes plain words and an accepted suggestion, and names them in the diff', async () => {
    const pledge = await draftPledge();
    pledge.promises[5]!.plainWords = 'You will see the people who look after you, often.';
    pledge.promises[5]!.principles.push('cswa2017-1d');
    pledge.promises[5]!.rejectedSuggestions = ['offer-relationships'];
    await savePledge(pledge);
    await as('publisher').workspace.publish({ council: W });
    const page = await as(null).council.page({ council: W });
    expect(page.pledge?.promises[5]).toMatchObject({
      plainWords: 'You will see the people who look after you, often.',
      principles: ['cswa2017-1b', 'cswa2017-1d', 'cswa2017-1f'],
    });
    expect(JSON.stringify(page.pledge)).not.toMatch(/rejectedSuggestions|offer-relationships/);
    expect((await as('editor').workspace.diff({ council: W, from: 1, to: 2 })).map((change) => change.label)).toEqual([
      'Promise 6: plain words',
      'Promise 6: principles',
      'Promise 6: suggestions turned down',
    ]);
  });

  it('refuses bad plain words, principles and turned-down suggestions, and changes nothing', async () => {
    const cases: [string, (pledge: LoosePledge) => void][] = [
      ['plain words too long', (p) => (p.promises[0].plainWords = 'x'.repeat(2001))],
      ['plain words with a control character', (p) => (p.promises[0].plainWords = 'We\u0000 will')],
      ['plain words that are not text', (p) => (p.promises[0].plainWords = { html: '<b>' })],
      ['an unknown suggestion code', (p) => (p.promises[0].rejectedSuggestions = ["'; DROP TABLE promises; --"])],
      ['too many turned-down suggestions', (p) => (p.promises[0].rejectedSuggestions = Array.from({ length: 15 }, () => 'offer-health'))],
      ['turned-down suggestions that are not a list', (p) => (p.promises[0].rejectedSuggestions = 'cswa2017-1a')],
      ['an unknown theme principle', (p) => (p.themes = [{ key: 'home', title: 'Home', principles: ['cswa2017-1z'] }])],
      [
        'too many theme principles',
        (p) => (p.themes = [{ key: 'home', title: 'Home', principles: Array.from({ length: 8 }, () => 'cswa2017-1a') }]),
      ],
    ];
    const before = await snapshot(t.db);
    for (const [name, change] of cases) {
      const pledge = (await draftPledge()) as unknown as LoosePledge;
      change(pledge);
      const error = await rejection(savePledge(pledge), 'BAD_REQUEST');
      expect(error.message, name).not.toMatch(/at Object|node_modules/);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});
