import type { LogoType } from '@pledgekeeper/domain/council';
import type { Database } from '../connection.js';

/** A logo's file as stored: already checked and rebuilt by the API before it gets here. */
export interface LogoFile {
  type: LogoType;
  bytes: Uint8Array;
}

/**
 * Stores one of a council's logos under the SHA-256 of its bytes (the caller's `id`). The same
 * file uploaded again is the row already there. Only ever the council's own row: the id of the
 * council comes from its scope.
 */
export async function insertLogo(
  db: Database,
  councilId: string,
  logo: LogoFile & { id: string },
  by: string | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('logos')
    .values({
      council_id: councilId,
      id: logo.id,
      content_type: logo.type,
      data: Buffer.from(logo.bytes).toString('base64'),
      byte_size: logo.bytes.byteLength,
      created_by: by,
      created_at: now.toISOString(),
    })
    .onConflict((conflict) => conflict.columns(['council_id', 'id']).doNothing())
    .execute();
}

/** One of the council's logos, or null when it has none by that id. */
export async function findLogo(db: Database, councilId: string, id: string): Promise<LogoFile | null> {
  const row = await db
    .selectFrom('logos')
    .select(['content_type', 'data'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { type: row.content_type as LogoType, bytes: new Uint8Array(Buffer.from(row.data, 'base64')) } : null;
}
