import type { Database } from './connection.js';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import { readEdition } from './repositories/content-tables-read.js';

const LIMIT = 500;
// A published edition never changes (a change is a new edition), so its content can be kept by
// id for as long as the process lives. Keyed by council as well, so a lookup cannot cross tenants.
const cache = new Map<string, EditionContent>();

/** A published edition's content, read from the database once and then from memory. */
export async function publishedContent(db: Database, councilId: string, editionId: string): Promise<EditionContent> {
  const key = `${councilId}/${editionId}`;
  const cached = cache.get(key);
  if (cached) {
    // Least recently used goes first: re-insert to mark this one as fresh.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const content = await readEdition(db, councilId, editionId);
  cache.set(key, content);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return content;
}
