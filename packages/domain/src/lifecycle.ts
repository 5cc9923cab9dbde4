import type { Actor, AuditAction, Role } from './account.js';
import { Refusal } from './refusal.js';

/**
 * The lifecycle of anything a council drafts, has reviewed and publishes: one working edition
 * at a time (a draft, or a draft sent for review) beside the published one. Pure: the database
 * layer reads the situation, asks `decide`, and writes what follows.
 */

/** What a council has of one kind: nothing yet, a working edition (draft or in review), or only a published one. */
export type EditionState = 'none' | 'draft' | 'in-review' | 'published';

export const EDITION_ACTIONS = ['save', 'submit', 'send-back', 'publish', 'discard', 'mark-reviewed', 'restore'] as const;
export type EditionAction = (typeof EDITION_ACTIONS)[number];

/** What the lifecycle needs to know about one kind of content, and no more. */
export interface ContentKind<C, P extends string> {
  /** Errors that keep an edition from going for review or being published. */
  problems(content: C): string[];
  /** Errors in one part that keep it from being saved at all. */
  partProblems(part: P, content: unknown): string[];
  /** A part's name in the audit log and in refusals: "the contacts". */
  label(part: P): string;
  /** The refusal when there is nothing published yet to mark as reviewed. */
  neverPublished: string;
}

/** Who may take each action. Editors draft; publishers also review and publish. */
const ALLOWED_ROLES: Record<EditionAction, readonly Role[]> = {
  save: ['editor', 'publisher'],
  submit: ['editor', 'publisher'],
  'send-back': ['publisher'],
  publish: ['publisher'],
  discard: ['editor', 'publisher'],
  'mark-reviewed': ['publisher'],
  restore: ['editor', 'publisher'],
};

/** Someone acting on an edition, with their role in its council. */
export interface EditionActor extends Actor {
  role: Role;
}

export interface Situation<C, P extends string> {
  action: EditionAction;
  role: Role;
  state: EditionState;
  /** Whether a published edition exists (beside the working one, if any). */
  published: boolean;
  /** The working edition's content, when there is one: checked before review and publication. */
  content?: C | null;
  /** The part being saved. */
  part?: { name: P; content: unknown };
}

interface Transition {
  next: EditionState;
  /** False when the action is allowed but changes nothing (sending for review what is already in review). */
  changes: boolean;
}

const isWorking = (state: EditionState): boolean => state === 'draft' || state === 'in-review';

const mustBeFixed = (what: string, problems: string[]): Refusal =>
  new Refusal('BAD_REQUEST', `${what} until this is fixed: ${problems.join('; ')}`);

/**
 * Decides whether an action may be taken in a situation, and what state follows. Throws a
 * Refusal, with words for the person who asked, when it may not.
 */
export function decide<C, P extends string>(kind: ContentKind<C, P>, situation: Situation<C, P>): Transition {
  const { action, state } = situation;
  if (!ALLOWED_ROLES[action].includes(situation.role)) {
    throw new Refusal('FORBIDDEN', `Only a publisher can ${action.replace('-', ' ')}`);
  }
  const published = situation.published || state === 'published';
  const working = isWorking(state);
  const contentProblems = () => (situation.content != null ? kind.problems(situation.content) : []);
  switch (action) {
    case 'save': {
      const part = situation.part;
      if (!part) throw new Refusal('BAD_REQUEST', 'Say which part to save');
      const problems = kind.partProblems(part.name, part.content);
      if (problems.length > 0) throw mustBeFixed(`The ${kind.label(part.name)} cannot be saved`, problems);
      // Saving a draft that is waiting for review takes it back to draft: the reviewer has not seen this.
      return { next: 'draft', changes: true };
    }
    case 'submit': {
      if (!working) throw new Refusal('NOT_FOUND', 'There is no draft to send for review');
      if (state === 'in-review') return { next: 'in-review', changes: false };
      const problems = contentProblems();
      if (problems.length > 0) throw mustBeFixed('The draft cannot go for review', problems);
      return { next: 'in-review', changes: true };
    }
    case 'send-back':
      if (state !== 'in-review') throw new Refusal('NOT_FOUND', 'There is no draft waiting for review');
      return { next: 'draft', changes: true };
    case 'publish': {
      if (!working) throw new Refusal('NOT_FOUND', 'There is no draft to publish');
      const problems = contentProblems();
      if (problems.length > 0) throw mustBeFixed('The draft cannot be published', problems);
      return { next: 'published', changes: true };
    }
    case 'discard':
      if (!working) throw new Refusal('NOT_FOUND', 'There is no draft to discard');
      return { next: published ? 'published' : 'none', changes: true };
    case 'mark-reviewed':
      if (!published) throw new Refusal('NOT_FOUND', kind.neverPublished);
      return { next: state, changes: true };
    case 'restore':
      if (working) throw new Refusal('CONFLICT', 'Discard or publish the current draft first');
      return { next: 'draft', changes: true };
  }
}

/** An audit entry's action, summary and detail. */
export interface AuditNote {
  action: AuditAction;
  summary: string;
  detail: Record<string, unknown>;
}

/** The facts an audit entry is written from, once the change is made. */
export type Done<P extends string> =
  | { action: 'save'; version: number; part: P; revision: number }
  | { action: 'submit' | 'publish' | 'discard' | 'mark-reviewed'; version: number }
  | { action: 'send-back'; version: number; comment: string }
  | { action: 'restore'; version: number; from: number };

/** The audit log's words for a change, the same for every kind of content. */
export function auditNote<P extends string>(kind: Pick<ContentKind<unknown, P>, 'label'>, done: Done<P>): AuditNote {
  const { version } = done;
  switch (done.action) {
    case 'save':
      return {
        action: 'content-changed',
        summary: `Saved the ${kind.label(done.part)} of draft version ${version}`,
        detail: { version, section: done.part, revision: done.revision },
      };
    case 'submit':
      return { action: 'submitted-for-review', summary: `Sent draft version ${version} for review`, detail: { version } };
    case 'send-back':
      return {
        action: 'sent-back',
        summary: `Sent draft version ${version} back to the editors`,
        detail: { version, comment: done.comment },
      };
    case 'publish':
      return { action: 'published', summary: `Published version ${version}`, detail: { version } };
    case 'discard':
      return { action: 'draft-discarded', summary: `Discarded draft version ${version}`, detail: { version } };
    case 'mark-reviewed':
      return { action: 'marked-reviewed', summary: `Marked version ${version} as reviewed`, detail: { version } };
    case 'restore':
      return {
        action: 'restored',
        summary: `Restored version ${done.from} as draft version ${version}`,
        detail: { from: done.from, version },
      };
  }
}
