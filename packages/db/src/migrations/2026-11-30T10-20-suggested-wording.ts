import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12: plain words and links to principles that Pledgekeeper wrote, not the council, are
// marked as suggested until the council makes them its own. A publisher's confirmation of a
// published edition's suggestions is kept in a table of its own, so the edition never changes.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['plain_words_suggested', 'principles_suggested']) {
    await db.schema
      .alterTable('promises')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema
    .alterTable('themes')
    .addColumn('principles_suggested', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('wording_confirmations')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wording_confirmations_council_idx').on('wording_confirmations').column('council_id').execute();

  await markSeededSuggestions(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wording_confirmations').ifExists().execute();
  await db.schema.alterTable('themes').dropColumn('principles_suggested').execute();
  await db.schema.alterTable('promises').dropColumn('principles_suggested').execute();
  await db.schema.alterTable('promises').dropColumn('plain_words_suggested').execute();
}

interface Suggestions {
  /** By a promise's formal text: the plain words and the sorted principle codes we wrote for it. */
  promises: Map<string, { plainWords: string | null; principles: string }>;
  /** By a theme's key: the sorted principle codes we wrote for it. */
  themes: Map<string, string>;
}

const codes = (list: readonly string[]): string => [...list].sort().join(',');

/**
 * The plain words and links of every seeded edition (one the seed loader wrote: nobody made it)
 * were written by Pledgekeeper, so they are marked as suggested. A later edition of the same
 * council still holding exactly the same words or links is marked too: editors left them as
 * they were, which is the rule the application now applies to every save. Sample councils are
 * left alone: nothing on them is any council's.
 */
async function markSeededSuggestions(db: Kysely<any>): Promise<void> {
  const seeded = await db
    .selectFrom('editions')
    .innerJoin('councils', 'councils.id', 'editions.council_id')
    .select(['editions.id', 'editions.council_id'])
    .where('editions.created_by', 'is', null)
    .where('editions.status', '=', 'published')
    .where('councils.slug', 'not like', 'sample-%')
    .execute();
  const byCouncil = new Map<string, Suggestions>();
  for (const edition of seeded) {
    const found = byCouncil.get(edition.council_id) ?? { promises: new Map(), themes: new Map() };
    byCouncil.set(edition.council_id, found);
    const promises = await db.selectFrom('promises').select(['id', 'text', 'plain_words']).where('edition_id', '=', edition.id).execute();
    for (const promise of promises) {
      const principles = await db.selectFrom('promise_principles').select('principle_code').where('promise_id', '=', promise.id).execute();
      found.promises.set(promise.text, { plainWords: promise.plain_words, principles: codes(principles.map((p) => p.principle_code)) });
    }
    const themes = await db.selectFrom('themes').select(['id', 'key']).where('edition_id', '=', edition.id).execute();
    for (const theme of themes) {
      const principles = await db.selectFrom('theme_principles').select('principle_code').where('theme_id', '=', theme.id).execute();
      found.themes.set(theme.key, codes(principles.map((p) => p.principle_code)));
    }
  }

  for (const [councilId, suggestions] of byCouncil) {
    const editions = await db.selectFrom('editions').select(['id', 'content']).where('council_id', '=', councilId).execute();
    for (const edition of editions) {
      await markRows(db, edition.id, suggestions);
      if (edition.content) {
        const content = markContent(JSON.parse(edition.content), suggestions);
        await db
          .updateTable('editions')
          .set({ content: JSON.stringify(content) })
          .where('id', '=', edition.id)
          .execute();
      }
    }
  }
}

/** The content tables of one edition (a published one has rows; a draft has none). */
async function markRows(db: Kysely<any>, editionId: string, suggestions: Suggestions): Promise<void> {
  const promises = await db.selectFrom('promises').select(['id', 'text', 'plain_words']).where('edition_id', '=', editionId).execute();
  for (const promise of promises) {
    const ours = suggestions.promises.get(promise.text);
    if (!ours) continue;
    const principles = await db.selectFrom('promise_principles').select('principle_code').where('promise_id', '=', promise.id).execute();
    const linked = codes(principles.map((p) => p.principle_code));
    await db
      .updateTable('promises')
      .set({
        plain_words_suggested: promise.plain_words !== null && promise.plain_words === ours.plainWords ? 1 : 0,
        principles_suggested: linked !== '' && linked === ours.principles ? 1 : 0,
      })
      .where('id', '=', promise.id)
      .execute();
  }
  const themes = await db.selectFrom('themes').select(['id', 'key']).where('edition_id', '=', editionId).execute();
  for (const theme of themes) {
    const ours = suggestions.themes.get(theme.key);
    if (ours === undefined) continue;
    const principles = await db.selectFrom('theme_principles').select('principle_code').where('theme_id', '=', theme.id).execute();
    const linked = codes(principles.map((p) => p.principle_code));
    await db
      .updateTable('themes')
      .set({ principles_suggested: linked !== '' && linked === ours ? 1 : 0 })
      .where('id', '=', theme.id)
      .execute();
  }
}

interface StoredPromise {
  text: string;
  plainWords?: string | null;
  principles?: string[];
  [key: string]: unknown;
}
interface StoredTheme {
  key: string;
  principles?: string[];
  [key: string]: unknown;
}
interface StoredContent {
  pledge?: { promises?: StoredPromise[]; themes?: StoredTheme[]; [key: string]: unknown } | null;
  [key: string]: unknown;
}

/** An edition's JSON content, which drafts are edited from and new drafts start from. */
function markContent(content: StoredContent, suggestions: Suggestions): StoredContent {
  if (!content.pledge) return content;
  const pledge = content.pledge;
  return {
    ...content,
    pledge: {
      ...pledge,
      promises: (pledge.promises ?? []).map((promise) => {
        const ours = suggestions.promises.get(promise.text);
        const plainWords = promise.plainWords ?? null;
        const linked = codes(promise.principles ?? []);
        return {
          ...promise,
          plainWordsSuggested: !!ours && plainWords !== null && plainWords === ours.plainWords,
          principlesSuggested: !!ours && linked !== '' && linked === ours.principles,
        };
      }),
      themes: (pledge.themes ?? []).map((theme) => {
        const ours = suggestions.themes.get(theme.key);
        const linked = codes(theme.principles ?? []);
        return { ...theme, principlesSuggested: ours !== undefined && linked !== '' && linked === ours };
      }),
    },
  };
}
