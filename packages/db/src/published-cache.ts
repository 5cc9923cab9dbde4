import type { Database } from './connection.js';
import { confirmedWording } from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import { readEdition } from './repositories/content-tables-read.js';

const LIMIT = 500;
// A published edition never changes (a change is a new edition), so its content can be kept by
// id for as long as the process lives. Keyed by council as well, so a lookup cannot cross tenants.
// A publisher's confirmation of its suggested wording is kept beside it, so the key names that
// too: the query that found the edition read it, and a confirmed edition is simply another entry.
const cache = new Map<string, EditionContent>();

/** A published edition's content, read from the database once and then from memory. */
export async function publishedContent(
  db: Database,
  councilId: string,
  edition: { id: string; wordingConfirmedAt: string | null },
): Promise<EditionContent> {
  const confirmed = edition.wordingConfirmedAt !== null;
  const key = `${councilId}/${edition.id}${confirmed ? '/confirmed' : ''}`;
  const cached = cache.get(key);
  if (cached) {
    // Least recently used goes first: re-insert to mark this one as fresh.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const stored = await readEdition(db, councilId, edition.id);
  const content = confirmed && stored.pledge ? { ...stored, pledge: confirmedWording(stored.pledge) } : stored;
  cache.set(key, content);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return content;
}
