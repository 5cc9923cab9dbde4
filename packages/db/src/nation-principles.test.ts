import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CouncilContent, type PrincipleCode, councilContent, principlesOf } from '@pledgekeeper/domain/council';
import { type EditionActor, Refusal } from '@pledgekeeper/domain/workspace';
import { councilScope } from './council-scope.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser } from './repositories/users.js';
import { seedCouncils } from './seed.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-30T12:00:00Z');

/** A small Welsh council, published with one promise on the charter's "Good health". */
const WELSH: CouncilContent = councilContent.parse({
  council: { slug: 'test-wales', name: 'Test Wales County Council', kind: 'unitary', nation: 'wales', contact: null },
  statement: { summary: null, paragraphs: ['Everyone at the council is a corporate parent.'] },
  pledge: {
    title: null,
    introduction: [],
    audiences: ['children-in-care'],
    writtenWith: null,
    themes: [],
    promises: [{ number: 1, text: 'We will make sure you can see a doctor.', principles: ['wales-charter-health'] }],
  },
  board: null,
  involvement: null,
  training: [],
  contacts: [{ team: 'Corporate parenting team', email: 'cp@test-wales.example.org' }],
});

describeEachDialect(describe, "a council's own nation's principles on %s", (dialect) => {
  let t: TestDatabase;
  let publisher: EditionActor;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    await seedCouncils(t.db, [WELSH], NOW);
    const user = await insertUser(t.db, { email: 'gwen@test-wales.example.org', displayName: 'Gwen', passwordHash: 'x' }, NOW);
    publisher = { id: user.id, email: user.email, role: 'publisher' };
  });
  afterEach(() => t.destroy());

  const scope = async (slug: string) => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council);
  };

  it('holds every nation’s principles in the reference table, each under its nation', async () => {
    const rows = await t.db.selectFrom('principles').select(['code', 'nation', 'position']).orderBy('nation').orderBy('position').execute();
    for (const nation of ['england', 'wales', 'scotland'] as const) {
      expect(rows.filter((row) => row.nation === nation).map((row) => row.code)).toEqual(principlesOf(nation).map((p) => p.code));
    }
  });

  it('stores a Welsh promise’s link to a Welsh principle and shows it on the published page', async () => {
    const page = await (await scope('test-wales')).publishedPage();
    expect(page?.content.pledge?.promises[0]?.principles).toEqual(['wales-charter-health']);
  });

  it('publishes a Welsh council’s new link to its own principle', async () => {
    const wales = await scope('test-wales');
    const pledge = WELSH.pledge!;
    const promises = [{ ...pledge.promises[0]!, principles: ['wales-charter-health', 'wales-charter-home'] satisfies PrincipleCode[] }];
    await wales.workspace.saveSection({ section: 'pledge', revision: 0, content: { ...pledge, promises } }, publisher, NOW);
    await wales.workspace.publish(publisher, NOW);
    const page = await wales.publishedPage();
    expect(page?.content.pledge?.promises[0]?.principles).toEqual(['wales-charter-health', 'wales-charter-home']);
  });

  it('refuses to save a Welsh promise linked to one of England’s principles, and changes nothing', async () => {
    const wales = await scope('test-wales');
    const pledge = WELSH.pledge!;
    const save = wales.workspace.saveSection(
      { section: 'pledge', revision: 0, content: { ...pledge, promises: [{ ...pledge.promises[0]!, principles: ['cswa2017-1a'] }] } },
      publisher,
      NOW,
    );
    await expect(save).rejects.toThrow(Refusal);
    await expect(save).rejects.toThrow(
      /Promise 1 is linked to “Best interests and wellbeing”, which is not one of the principles that apply in Wales/,
    );
    expect(await wales.workspace.working()).toBeNull();
  });

  it('refuses England’s council a link to a Scottish duty', async () => {
    const worcestershire = await scope('worcestershire');
    const page = await worcestershire.publishedPage();
    const pledge = page!.content.pledge!;
    const promises = pledge.promises.map((promise, index) =>
      index === 0 ? { ...promise, principles: ['cypsa2014-58a' as const] } : promise,
    );
    await expect(
      worcestershire.workspace.saveSection({ section: 'pledge', revision: 0, content: { ...pledge, promises } }, publisher, NOW),
    ).rejects.toThrow(/not one of the principles that apply in England/);
  });
});
