import { randomUUID } from 'node:crypto';
import type { Board, PledgeContent } from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { toJson } from '../json.js';

/**
 * Writes an edition's content into the content tables, which the public pages and comparisons
 * read. Done once, when an edition is published (or seeded as published).
 */
export async function insertEditionRows(db: Database, councilId: string, id: string, content: EditionContent): Promise<void> {
  const owned = { edition_id: id, council_id: councilId };

  const { statement } = content;
  await db
    .insertInto('statements')
    .values({
      ...owned,
      summary: statement.summary,
      paragraphs: toJson(statement.paragraphs),
      good_parent_means: toJson(statement.goodParentMeans),
      helpful_question: statement.helpfulQuestion ?? null,
    })
    .execute();
  if (statement.corporateParents.length > 0) {
    await db
      .insertInto('corporate_parents')
      .values(
        statement.corporateParents.map((parent, position) => ({
          ...owned,
          id: randomUUID(),
          position,
          kind: parent.kind,
          label: parent.label,
        })),
      )
      .execute();
  }
  if (content.pledge) await insertPledge(db, councilId, id, content.pledge);
  if (content.board) await insertBoard(db, councilId, id, content.board);
  if (content.involvement) {
    await db
      .insertInto('involvement')
      .values({ ...owned, introduction: content.involvement.introduction })
      .execute();
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
            url: opportunity.url ?? null,
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
      promise_noun: pledge.promiseNoun,
    })
    .execute();
  if (pledge.themes.length > 0) {
    const themes = pledge.themes.map((theme, position) => ({ id: randomUUID(), position, theme }));
    await db
      .insertInto('themes')
      .values(
        themes.map(({ id, position, theme }) => ({
          ...owned,
          id,
          position,
          key: theme.key,
          title: theme.title,
          description: theme.description,
          principles_suggested: theme.principlesSuggested ? 1 : 0,
        })),
      )
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
        plain_words_suggested: promise.plainWordsSuggested ? 1 : 0,
        principles_suggested: promise.principlesSuggested ? 1 : 0,
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
      not_members: toJson(board.notMembers ?? []),
      membership_text: board.membershipText,
      more_info_text: board.moreInfo?.text ?? null,
      more_info_url: board.moreInfo?.url ?? null,
    })
    .execute();
}
