import type {
  Audience,
  Branding,
  LogoRef,
  BoardMemberKind,
  CorporateParentKind,
  LocalOfferAreaCode,
  PrincipleCode,
  PromiseNoun,
  SuggestionCode,
} from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { fromJson } from '../json.js';

/**
 * An edition's branding, which lives in its JSON only: an edition stored before branding was
 * part of one shows what its council's row holds.
 */
async function readEditionBranding(db: Database, councilId: string, editionId: string): Promise<Branding> {
  const row = await db
    .selectFrom('editions')
    .innerJoin('councils', 'councils.id', 'editions.council_id')
    .select(['editions.content', 'councils.brand_colour', 'councils.brand_name', 'councils.brand_logo'])
    .where('editions.id', '=', editionId)
    .where('editions.council_id', '=', councilId)
    .executeTakeFirst();
  const stored = row?.content ? fromJson<Partial<EditionContent>>(row.content).branding : undefined;
  if (stored) return stored;
  return {
    brandColour: row?.brand_colour ?? null,
    brandName: row?.brand_name ?? null,
    brandLogo: row?.brand_logo ? fromJson<LogoRef>(row.brand_logo) : null,
  };
}

/** Reads one edition back into the domain model. Every query names the council as well as the edition. */
export async function readEdition(db: Database, councilId: string, editionId: string): Promise<EditionContent> {
  const [
    statement,
    parents,
    pledge,
    themes,
    themePrinciples,
    promises,
    principles,
    offerAreas,
    board,
    involvement,
    opportunities,
    training,
    events,
    contacts,
  ] = await Promise.all([
    db.selectFrom('statements').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
    db
      .selectFrom('corporate_parents')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
    db.selectFrom('pledges').selectAll().where('edition_id', '=', editionId).where('council_id', '=', councilId).executeTakeFirst(),
    db
      .selectFrom('themes')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('theme_principles')
      .innerJoin('themes', 'themes.id', 'theme_principles.theme_id')
      .innerJoin('principles', 'principles.code', 'theme_principles.principle_code')
      .select(['theme_principles.theme_id', 'theme_principles.principle_code'])
      .where('themes.edition_id', '=', editionId)
      .where('theme_principles.council_id', '=', councilId)
      .orderBy('principles.position')
      .execute(),
    db
      .selectFrom('promises')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
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
    db
      .selectFrom('involvement_opportunities')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('training_offers')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('event_offers')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contacts')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('council_id', '=', councilId)
      .orderBy('position')
      .execute(),
  ]);
  const branding = await readEditionBranding(db, councilId, editionId);
  if (!statement) throw new Error(`Edition ${editionId} has no statement`);

  return {
    branding,
    statement: {
      summary: statement.summary,
      paragraphs: fromJson(statement.paragraphs),
      corporateParents: parents.map((row) => ({ kind: row.kind as CorporateParentKind, label: row.label })),
      goodParentMeans: fromJson(statement.good_parent_means),
      helpfulQuestion: statement.helpful_question,
    },
    pledge: pledge
      ? {
          title: pledge.title,
          promiseNoun: pledge.promise_noun as PromiseNoun,
          introduction: fromJson(pledge.introduction),
          audiences: fromJson<Audience[]>(pledge.audiences),
          writtenWith: pledge.written_with,
          themes: themes.map((row) => ({
            key: row.key,
            title: row.title,
            description: row.description,
            principles: themePrinciples.filter((p) => p.theme_id === row.id).map((p) => p.principle_code as PrincipleCode),
            principlesSuggested: Number(row.principles_suggested) === 1,
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
            plainWordsSuggested: Number(row.plain_words_suggested) === 1,
            principlesSuggested: Number(row.principles_suggested) === 1,
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
          notMembers: fromJson<BoardMemberKind[]>(board.not_members),
          membershipText: board.membership_text,
          moreInfo: board.more_info_text ? { text: board.more_info_text, url: board.more_info_url } : null,
        }
      : null,
    involvement: involvement
      ? {
          introduction: involvement.introduction,
          opportunities: opportunities.map((row) => ({
            kinds: fromJson(row.kinds),
            text: row.text,
            organisation: row.organisation,
            url: row.url,
          })),
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
