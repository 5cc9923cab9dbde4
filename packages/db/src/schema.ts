import type { Generated } from 'kysely';
import type {
  StatementTable,
  CorporateParentTable,
  PledgeTable,
  ThemeTable,
  PromiseTable,
  PromisePrincipleTable,
  ThemePrincipleTable,
  PromiseOfferAreaTable,
  BoardTable,
  InvolvementTable,
  InvolvementOpportunityTable,
  TrainingOfferTable,
  EventOfferTable,
  ContactTable,
  WordingConfirmationTable,
} from './schema-content.js';

/**
 * Kysely table types. Ids are text (UUIDs made by the app), lists of plain strings are JSON text,
 * booleans are 0/1 integers and times are ISO-8601 text, so SQLite and PostgreSQL share one code path.
 */
export interface CouncilTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  nation: string;
  /** JSON of the domain's Contact, or null. */
  contact: string | null;
  brand_colour: string | null;
  brand_name: string | null;
  /** JSON of the domain's LogoRef, or null: the published edition's logo, copied when it is published. */
  brand_logo: string | null;
  created_at: string;
  /** Who to tell when a message suggests a child may be at risk, in the council's words; null until given. */
  safeguarding_contact: string | null;
}

interface PrincipleTable {
  code: string;
  short_name: string;
  plain_words: string;
  /** Within its nation's framework. */
  position: number;
  /** The nation whose framework the principle belongs to. */
  nation: Generated<string>;
}

interface LocalOfferAreaTable {
  code: string;
  name: string;
  position: number;
}

/** One version of a council's whole page. The public sees the newest published edition. */
interface EditionTable {
  id: string;
  council_id: string;
  version: number;
  status: string;
  created_at: string;
  published_at: string | null;
  /** JSON of the edition's whole content: the draft being edited, or a published snapshot. */
  content: string | null;
  /** JSON map of section name to revision number, for optimistic concurrency. */
  section_revisions: string | null;
  /** Bumped by every write to the edition row: a compare-and-swap guard. */
  lock_version: Generated<number>;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  published_by: string | null;
  review_comment: string | null;
  /** JSON: section name to a publisher's comment on it when the draft was sent back. */
  section_comments: Generated<string>;
  reviewed_at: string | null;
}

/** One version of a council's delivery records, apart from its page's editions. */
interface ProgressEditionTable {
  id: string;
  council_id: string;
  version: number;
  status: string;
  /** JSON of the domain's ProgressContent. */
  content: string;
  /** Saves so far, carried on from the edition before: for optimistic concurrency. */
  revision: Generated<number>;
  /** Bumped by every write to the row: a compare-and-swap guard. */
  lock_version: Generated<number>;
  review_comment: string | null;
  created_by: string | null;
  created_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  published_by: string | null;
  published_at: string | null;
}

export interface FeedbackTable {
  id: string;
  council_id: string;
  kind: string;
  page: string;
  helpful: number | null;
  topic: string | null;
  comment: string | null;
  /** The promise or theme a message is about ("promise-3", "theme-home"), or null. */
  about: string | null;
  created_at: string;
  status: Generated<string>;
  status_changed_at: string | null;
  status_changed_by: string | null;
}

/** Which messages a "you said, we did" entry answers: private, never published. */
export interface FeedbackAnswerTable {
  feedback_id: string;
  council_id: string;
  entry_key: string;
  created_by: string;
  created_at: string;
}

interface SubmissionAttemptTable {
  id: string;
  council_id: string;
  client_hash: string;
  form: string;
  at: string;
}

interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_platform_admin: number;
  created_at: string;
  disabled_at: string | null;
}

interface MembershipTable {
  user_id: string;
  council_id: string;
  role: string;
  created_at: string;
}

interface SessionTable {
  id: string;
  /** SHA-256 of the token: a stolen database holds no usable session. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

interface InvitationTable {
  id: string;
  council_id: string;
  email: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

interface SignInAttemptTable {
  id: string;
  email: string;
  client: string;
  succeeded: number;
  at: string;
}

/** A kind of email someone turned off: see the 2026-11-30T12-10 migration. */
/** A council's uploaded logo, already checked and rebuilt: see the API's logo module. */
interface LogoTable {
  council_id: string;
  /** SHA-256 of the bytes, in hex: the same file uploaded twice is one row. */
  id: string;
  content_type: string;
  /** The bytes, as base64. */
  data: string;
  byte_size: number;
  created_by: string | null;
  created_at: string;
}

interface EmailOptOutTable {
  user_id: string;
  kind: string;
  created_at: string;
}

interface AuditLogTable {
  id: string;
  council_id: string | null;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  summary: string;
  detail: string;
  at: string;
}

export interface DatabaseSchema {
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  sign_in_attempts: SignInAttemptTable;
  audit_log: AuditLogTable;
  councils: CouncilTable;
  principles: PrincipleTable;
  local_offer_areas: LocalOfferAreaTable;
  editions: EditionTable;
  progress_editions: ProgressEditionTable;
  statements: StatementTable;
  corporate_parents: CorporateParentTable;
  pledges: PledgeTable;
  themes: ThemeTable;
  promises: PromiseTable;
  promise_principles: PromisePrincipleTable;
  promise_offer_areas: PromiseOfferAreaTable;
  theme_principles: ThemePrincipleTable;
  boards: BoardTable;
  involvement: InvolvementTable;
  involvement_opportunities: InvolvementOpportunityTable;
  training_offers: TrainingOfferTable;
  event_offers: EventOfferTable;
  contacts: ContactTable;
  wording_confirmations: WordingConfirmationTable;
  feedback: FeedbackTable;
  feedback_answers: FeedbackAnswerTable;
  submission_attempts: SubmissionAttemptTable;
  email_opt_outs: EmailOptOutTable;
  logos: LogoTable;
}
