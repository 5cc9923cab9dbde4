import { Refusal } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';

/** Raised inside a transaction when another write got to the row first (a compare-and-swap missed). */
export class LostRace extends Error {}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const MAX_ATTEMPTS = 30;

/**
 * Runs one write as one transaction, again from the start when a concurrent write to the same
 * edition won the race: each attempt re-reads, so nothing is written from a stale reading.
 */
export async function retryingTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new Refusal('CONFLICT', 'Many people are changing this page at once. Please try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
