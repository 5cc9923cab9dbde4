import type { ProgressContent } from '@pledgekeeper/domain/progress';
import type { Database } from './connection.js';
import { readProgressContent } from './repositories/progress-editions.js';

const LIMIT = 500;
// A published edition of the delivery records never changes (a change is a new edition), so its
// content is kept by id, as published-cache.ts keeps pages. Keyed by council too, so no lookup
// can cross tenants.
const cache = new Map<string, ProgressContent>();

/** A published edition's records, read from the database once and then from memory. */
export async function publishedProgressContent(db: Database, councilId: string, editionId: string): Promise<ProgressContent> {
  const key = `${councilId}/${editionId}`;
  const cached = cache.get(key);
  if (cached) {
    // Least recently used goes first: re-insert to mark this one as fresh.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const content = await readProgressContent(db, councilId, editionId);
  if (!content) throw new Error(`Published progress edition ${editionId} has no content`);
  cache.set(key, content);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return content;
}
