import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type {
  Audience,
  Board,
  BoardMemberKind,
  CorporateParentKind,
  CouncilContent,
  LocalOfferAreaCode,
  PledgeContent,
  PledgeStatus,
  PrincipleCode,
  SuggestionCode,
} from '@pledgekeeper/domain';
import type { Database } from '../connection.js';
import type { DatabaseSchema } from '../schema.js';
import { fromJson, toJson } from '../json.js';

/** A council's page content without the council itself: what one edition holds. */
export type EditionContent = Omit<CouncilContent, 'council'>;

export interface EditionRef {
  id: string;
  version: number;
  status: PledgeStatus;
  publishedAt: string | null;
  reviewedAt: string | null;
}

/** The newest published edition of a council's page, if it has one. */
/**
 * Keeps, of a join of councils and editions, each council's newest published edition only: the
 * one its public page shows. For listings across councils.
 */
export const isNewestPublished = (eb: ExpressionBuilder<DatabaseSchema, 'councils' | 'editions'>) =>
  eb.and([
    eb('editions.status', '=', 'published'),
    eb(
      'editions.version',
      '=',
      eb
        .selectFrom('editions as newest')
        .whereRef('newest.council_id', '=', 'councils.id')
        .where('newest.status', '=', 'published')
        .select((max) => max.fn.max('newest.version').as('v')),
    ),
  ]);

export async function findPublishedEdition(db: Database, councilId: string): Promise<EditionRef | null> {
  const row = await db
    .selectFrom('editions')
    .select(['id', 'version', 'status', 'published_at', 'reviewed_at'])
    .where('council_id', '=', councilId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { id: row.id, version: Number(row.version), status: row.status as PledgeStatus, publishedAt: row.published_at, reviewedAt: row.reviewed_at }
    : null;
}

/**
 * Writes one whole edition of a council's page. Call it inside a transaction: a failure part
 * way leaves nothing behind.
 */
export async function insertEdition(
  db: Database,
  councilId: string,
  content: EditionContent,
  edition: { version: number; status: PledgeStatus; now: Date; createdBy?: string | null },
): Promise<EditionRef> {
  const id = randomUUID();
  const at = edition.now.toISOString();
  const publishedAt = edition.status === 'published' ? at : null;
  await db
    .insertInto('editions')
    .values({
      id,
      council_id: councilId,
      version: edition.version,
      status: edition.status,
      created_at: at,
      published_at: publishedAt,
      reviewed_at: publishedAt,
      created_by: edition.createdBy ?? null,
      published_by: edition.status === 'published' ? (edition.createdBy ?? null) : null,
      content: toJson(content),
    })
    .execute();
  await insertEditionRows(db, councilId, id, content);
  return { id, version: edition.version, status: edition.status, publishedAt, reviewedAt: publishedAt };
}

/**
 * Writes an edition's content into the content tables, which the public pages and comparisons
 * read. Done once, when an edition is published (or seeded as published).
 */
export async function insertEditionRows(db: Database, councilId: string, id: string, content: EditionContent): Promise<void> {
  const owned = { edition_id: id, council_id: councilId };

  const { statement } = content;
  await db
    .insertInto('statements')
    .values({ ...owned, summary: statement.summary, paragraphs: toJson(statement.paragraphs), good_parent_means: toJson(statement.goodParentMeans) })
    .execute();
  if (statement.corporateParents.length > 0) {
    await db
      .insertInto('corporate_parents')
      .values(statement.corporateParents.map((parent, position) => ({ ...owned, id: randomUUID(), position, kind: parent.kind, label: parent.label })))
      .execute();
  }
  if (content.pledge) await insertPledge(db, councilId, id, content.pledge);
  if (content.board) await insertBoard(db, councilId, id, content.board);
  if (content.involvement) {
    await db.insertInto('involvement').values({ ...owned, introduction: content.involvement.introduction }).execute();
    if (content.involvement.opportunities.length > 0) {
      await db
        .insertInto('involvement_opportunities')
        .values(
          content.involvement.opportunities.map((opportunity, position) => ({
            ...owned,
            id: randomUUID(),
            position,
            kinds: toJson(opportunity.kinds),
            text: opportunity.text,
            organisation: opportunity.organisation,
          })),
        )
        .execute();
    }
  }
  if (content.training.length > 0) {
    await db
      .insertInto('training_offers')
      .values(
        content.training.map((offer, position) => ({
          ...owned,
          id: randomUUID(),
          position,
          title: offer.title,
          description: toJson(offer.description),
          duration: offer.duration,
          registration_text: offer.registration?.text ?? null,
          registration_email: offer.registration?.email ?? null,
          registration_url: offer.registration?.url ?? null,
        })),
      )
      .execute();
  }
  if (content.events.length > 0) {
    await db
      .insertInto('event_offers')
      .values(
        content.events.map((offer, position) => ({
          ...owned,
          id: randomUUID(),
          position,
          title: offer.title,
          description: toJson(offer.description),
          call_to_action: offer.callToAction,
        })),
      )
      .execute();
  }
  if (content.contacts.length > 0) {
    await db
      .insertInto('contacts')
      .values(
        content.contacts.map((contact, position) => ({
          ...owned,
          id: randomUUID(),
          position,
          team: contact.team,
          address_lines: toJson(contact.addressLines),
          postcode: contact.postcode,
          email: contact.email,
          phone: contact.phone,
          website: contact.website,
          purposes: toJson(contact.purposes),
        })),
      )
      .execute();
  }
}

async function insertPledge(db: Database, councilId: string, editionId: string, pledge: PledgeContent): Promise<void> {
  const owned = { edition_id: editionId, council_id: councilId };
  await db
    .insertInto('pledges')
    .values({
      ...owned,
      title: pledge.title,
      introduction: toJson(pledge.introduction),
      audiences: toJson(pledge.audiences),
      written_with: pledge.writtenWith,
      closing: toJson(pledge.closing),
    })
    .execute();
  if (pledge.themes.length > 0) {
    const themes = pledge.themes.map((theme, position) => ({ id: randomUUID(), position, theme }));
    await db
      .insertInto('themes')
      .values(themes.map(({ id, position, theme }) => ({ ...owned, id, position, key: theme.key, title: theme.title, description: theme.description })))
      .execute();
    const themePrinciples = themes.flatMap(({ id, theme }) =>
      theme.principles.map((code) => ({ theme_id: id, council_id: councilId, principle_code: code })),
    );
    if (themePrinciples.length > 0) await db.insertInto('theme_principles').values(themePrinciples).execute();
  }
  if (pledge.promises.length === 0) return;
  const rows = pledge.promises.map((promise, position) => ({ id: randomUUID(), position, promise }));
  await db
    .insertInto('promises')
    .values(
      rows.map(({ id, position, promise }) => ({
        ...owned,
        id,
        position,
        number: promise.number,
        text: promise.text,
        plain_words: promise.plainWords,
        theme_key: promise.themeKey,
        audiences: toJson(promise.audiences),
        rejected_suggestions: toJson(promise.rejectedSuggestions),
      })),
    )
    .execute();
  const principles = rows.flatMap(({ id, promise }) =>
    promise.principles.map((code) => ({ promise_id: id, council_id: councilId, principle_code: code })),
  );
  if (principles.length > 0) await db.insertInto('promise_principles').values(principles).execute();
  const areas = rows.flatMap(({ id, promise }) =>
    promise.localOfferAreas.map((code) => ({ promise_id: id, council_id: councilId, area_code: code })),
  );
  if (areas.length > 0) await db.insertInto('promise_offer_areas').values(areas).execute();
}

async function insertBoard(db: Database, councilId: string, editionId: string, board: Board): Promise<void> {
  await db
    .insertInto('boards')
    .values({
      edition_id: editionId,
      council_id: councilId,
      name: board.name,
      abbreviation: board.abbreviation,
      purpose: toJson(board.purpose),
      cadence_kind: board.cadence?.kind ?? null,
      cadence_value: board.cadence ? (board.cadence.kind === 'every-n-months' ? board.cadence.months : board.cadence.times) : null,
      membership: toJson(board.membership),
      membership_text: board.membershipText,
      more_info_text: board.moreInfo?.text ?? null,
      more_info_url: board.moreInfo?.url ?? null,
    })
    .execute();
}

/** Reads one edition back into the domain model. Every query names the council as well as the edition. */
export async function readEdition(db: Database, councilId: string, editionId: string): Promise<EditionContent> {
  const [statement, parents, pledge, themes, themePrinciples, promises, principles, offerAreas, board, involvement, opportunities, training, events, contacts] =
    await Promise.all([
      db.selectFrom('statements').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
      db.selectFrom('corporate_parents').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db.selectFrom('pledges').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
      db.selectFrom('themes').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db
        .selectFrom('theme_principles')
        .innerJoin('themes', 'themes.id', 'theme_principles.theme_id')
        .innerJoin('principles', 'principles.code', 'theme_principles.principle_code')
        .select(['theme_principles.theme_id', 'theme_principles.principle_code'])
        .where('themes.edition_id', '=', editionId)
        .where('theme_principles.council_id', '=', councilId)
        .orderBy('principles.position')
        .execute(),
      db.selectFrom('promises').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db
        .selectFrom('promise_principles')
        .innerJoin('promises', 'promises.id', 'promise_principles.promise_id')
        .innerJoin('principles', 'principles.code', 'promise_principles.principle_code')
        .select(['promise_principles.promise_id', 'promise_principles.principle_code'])
        .where('promises.edition_id', '=', editionId)
        .where('promise_principles.council_id', '=', councilId)
        .orderBy('principles.position')
        .execute(),
      db
        .selectFrom('promise_offer_areas')
        .innerJoin('promises', 'promises.id', 'promise_offer_areas.promise_id')
        .innerJoin('local_offer_areas', 'local_offer_areas.code', 'promise_offer_areas.area_code')
        .select(['promise_offer_areas.promise_id', 'promise_offer_areas.area_code'])
        .where('promises.edition_id', '=', editionId)
        .where('promise_offer_areas.council_id', '=', councilId)
        .orderBy('local_offer_areas.position')
        .execute(),
      db.selectFrom('boards').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
      db.selectFrom('involvement').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
      db.selectFrom('involvement_opportunities').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db.selectFrom('training_offers').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db.selectFrom('event_offers').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
      db.selectFrom('contacts').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).orderBy('position').execute(),
    ]);
  if (!statement) throw new Error(`Edition ${editionId} has no statement`);

  return {
    statement: {
      summary: statement.summary,
      paragraphs: fromJson(statement.paragraphs),
      corporateParents: parents.map((row) => ({ kind: row.kind as CorporateParentKind, label: row.label })),
      goodParentMeans: fromJson(statement.good_parent_means),
    },
    pledge: pledge
      ? {
          title: pledge.title,
          introduction: fromJson(pledge.introduction),
          audiences: fromJson<Audience[]>(pledge.audiences),
          writtenWith: pledge.written_with,
          themes: themes.map((row) => ({
            key: row.key,
            title: row.title,
            description: row.description,
            principles: themePrinciples.filter((p) => p.theme_id === row.id).map((p) => p.principle_code as PrincipleCode),
          })),
          promises: promises.map((row) => ({
            number: row.number,
            text: row.text,
            plainWords: row.plain_words,
            themeKey: row.theme_key,
            audiences: fromJson<Audience[]>(row.audiences),
            principles: principles.filter((p) => p.promise_id === row.id).map((p) => p.principle_code as PrincipleCode),
            localOfferAreas: offerAreas.filter((a) => a.promise_id === row.id).map((a) => a.area_code as LocalOfferAreaCode),
            rejectedSuggestions: fromJson<SuggestionCode[]>(row.rejected_suggestions),
          })),
          closing: fromJson(pledge.closing),
        }
      : null,
    board: board
      ? {
          name: board.name,
          abbreviation: board.abbreviation,
          purpose: fromJson(board.purpose),
          cadence:
            board.cadence_kind === 'every-n-months'
              ? { kind: 'every-n-months', months: Number(board.cadence_value) }
              : board.cadence_kind === 'times-per-year'
                ? { kind: 'times-per-year', times: Number(board.cadence_value) }
                : null,
          membership: fromJson<BoardMemberKind[]>(board.membership),
          membershipText: board.membership_text,
          moreInfo: board.more_info_text ? { text: board.more_info_text, url: board.more_info_url } : null,
        }
      : null,
    involvement: involvement
      ? {
          introduction: involvement.introduction,
          opportunities: opportunities.map((row) => ({ kinds: fromJson(row.kinds), text: row.text, organisation: row.organisation })),
        }
      : null,
    training: training.map((row) => ({
      title: row.title,
      description: fromJson(row.description),
      duration: row.duration,
      registration:
        row.registration_email || row.registration_url
          ? { text: row.registration_text, email: row.registration_email, url: row.registration_url }
          : null,
    })),
    events: events.map((row) => ({ title: row.title, description: fromJson(row.description), callToAction: row.call_to_action })),
    contacts: contacts.map((row) => ({
      team: row.team,
      addressLines: fromJson(row.address_lines),
      postcode: row.postcode,
      email: row.email,
      phone: row.phone,
      website: row.website,
      purposes: fromJson(row.purposes),
    })),
  };
}
