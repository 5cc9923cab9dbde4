import type { SectionConflictDetail } from './workspace.js';

/** The ways a request can be refused; named after the transport's codes so mapping them is one line. */
export type RefusalCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS' | 'UNAUTHORIZED';

export interface RefusalDetails {
  /** The other person's saved section, when a save was refused because theirs came first. */
  conflict?: SectionConflictDetail;
  /** Messages per form field, when the refusal is about what was typed. */
  fields?: Record<string, string[]>;
}

/**
 * The one way the domain and the database layer say no. Thrown, never returned; the API turns it
 * into its transport's error in one place, and the portal into form errors in one place.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details?: RefusalDetails,
  ) {
    super(message);
  }
}
