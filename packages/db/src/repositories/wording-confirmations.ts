import type { Database } from '../connection.js';

/** Who confirmed an edition's suggested wording as the council's own, and when. */
export interface WordingConfirmation {
  /** The stored email of who confirmed it; read back as their name, where their account still has one. */
  by: string;
  at: string;
}

/** The confirmation of one of the council's editions, if a publisher has given it. */
export async function findWordingConfirmation(db: Database, councilId: string, editionId: string): Promise<WordingConfirmation | null> {
  const row = await db
    .selectFrom('wording_confirmations')
    .leftJoin('users', 'users.email', 'wording_confirmations.confirmed_by')
    .select(['wording_confirmations.confirmed_by', 'wording_confirmations.confirmed_at', 'users.display_name'])
    .where('wording_confirmations.edition_id', '=', editionId)
    .where('wording_confirmations.council_id', '=', councilId)
    .executeTakeFirst();
  return row ? { by: row.display_name ?? row.confirmed_by, at: row.confirmed_at } : null;
}

/** Records a confirmation. An edition is confirmed once: a second insert breaks the primary key. */
export async function insertWordingConfirmation(
  db: Database,
  councilId: string,
  editionId: string,
  confirmation: WordingConfirmation,
): Promise<void> {
  await db
    .insertInto('wording_confirmations')
    .values({ edition_id: editionId, council_id: councilId, confirmed_by: confirmation.by, confirmed_at: confirmation.at })
    .execute();
}

/** The versions of the council's page whose suggested wording a publisher has confirmed. */
export async function confirmedVersions(db: Database, councilId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('wording_confirmations')
    .innerJoin('editions', 'editions.id', 'wording_confirmations.edition_id')
    .select('editions.version')
    .where('wording_confirmations.council_id', '=', councilId)
    .where('editions.council_id', '=', councilId)
    .execute();
  return new Set(rows.map((row) => Number(row.version)));
}
