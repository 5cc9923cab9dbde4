import { ByteLru } from '@pledgekeeper/domain/byte-lru';
import type { Database } from './connection.js';
import { confirmedWording } from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import { readEdition } from './repositories/content-tables-read.js';

/** A council's pages are tens of kilobytes as objects: this keeps a few hundred editions. */
export const EDITION_CACHE_BYTES = 16 * 1024 * 1024;
// A published edition never changes (a change is a new edition), so its content can be kept by
// id for as long as the process lives. Keyed by council as well, so a lookup cannot cross tenants.
// A publisher's confirmation of its suggested wording is kept beside it, so the key names that
// too: the query that found the edition read it, and a confirmed edition is simply another entry.
const cache = new ByteLru<EditionContent>(EDITION_CACHE_BYTES);

/**
 * What an object costs in memory, near enough: its JSON's length twice over (strings in memory
 * take two bytes a character, and the objects around them about as much again as their text).
 */
export const estimatedBytes = (value: unknown): number => 2 * JSON.stringify(value).length;

export const publishedCacheSize = () => cache.size();

/** A published edition's content, read from the database once and then from memory. */
export async function publishedContent(
  db: Database,
  councilId: string,
  edition: { id: string; wordingConfirmedAt: string | null },
): Promise<EditionContent> {
  const confirmed = edition.wordingConfirmedAt !== null;
  const key = `${councilId}/${edition.id}${confirmed ? '/confirmed' : ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const stored = await readEdition(db, councilId, edition.id);
  const content = confirmed && stored.pledge ? { ...stored, pledge: confirmedWording(stored.pledge) } : stored;
  cache.set(key, content, estimatedBytes(content));
  return content;
}
