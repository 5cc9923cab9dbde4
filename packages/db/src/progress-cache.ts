import type { ProgressContent } from '@pledgekeeper/domain/progress';
import { ByteLru } from '@pledgekeeper/domain/byte-lru';
import type { Database } from './connection.js';
import { EDITION_CACHE_BYTES, estimatedBytes } from './published-cache.js';
import { readProgressContent } from './repositories/progress-editions.js';

// A published edition of the delivery records never changes (a change is a new edition), so its
// content is kept by id, as published-cache.ts keeps pages. Keyed by council too, so no lookup
// can cross tenants.
const cache = new ByteLru<ProgressContent>(EDITION_CACHE_BYTES);

export const progressCacheSize = () => cache.size();

/** A published edition's records, read from the database once and then from memory. */
export async function publishedProgressContent(db: Database, councilId: string, editionId: string): Promise<ProgressContent> {
  const key = `${councilId}/${editionId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const content = await readProgressContent(db, councilId, editionId);
  if (!content) throw new Error(`Published progress edition ${editionId} has no content`);
  cache.set(key, content, estimatedBytes(content));
  return content;
}
