import type { Generated } from 'kysely';

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
  created_at: string;
}

export interface PrincipleTable {
  code: string;
  short_name: string;
  plain_words: string;
  position: number;
}

export interface LocalOfferAreaTable {
  code: string;
  name: string;
  position: number;
}

/** One version of a council's whole page. The public sees the newest published edition. */
export interface EditionTable {
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
  reviewed_at: string | null;
}

export interface StatementTable {
  edition_id: string;
  council_id: string;
  summary: string | null;
  paragraphs: string;
  good_parent_means: string;
}

export interface CorporateParentTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  kind: string;
  label: string;
}

export interface PledgeTable {
  edition_id: string;
  council_id: string;
  title: string | null;
  introduction: string;
  audiences: string;
  written_with: string | null;
  closing: string;
}

export interface ThemeTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  key: string;
  title: string;
  description: string | null;
}

export interface PromiseTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  number: number | null;
  text: string;
  theme_key: string | null;
  audiences: string;
  /** The promise in words a young person can read, or null. */
  plain_words: string | null;
  /** JSON list of the codes whose suggestions editors turned down. Never shown publicly. */
  rejected_suggestions: Generated<string>;
}

export interface PromisePrincipleTable {
  promise_id: string;
  council_id: string;
  principle_code: string;
}

export interface ThemePrincipleTable {
  theme_id: string;
  council_id: string;
  principle_code: string;
}

export interface PromiseOfferAreaTable {
  promise_id: string;
  council_id: string;
  area_code: string;
}

export interface BoardTable {
  edition_id: string;
  council_id: string;
  name: string;
  abbreviation: string | null;
  purpose: string;
  cadence_kind: string | null;
  cadence_value: number | null;
  membership: string;
  membership_text: string | null;
  more_info_text: string | null;
  more_info_url: string | null;
}

export interface InvolvementTable {
  edition_id: string;
  council_id: string;
  introduction: string | null;
}

export interface InvolvementOpportunityTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  kinds: string;
  text: string;
  organisation: string | null;
}

export interface TrainingOfferTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  title: string;
  description: string;
  duration: string | null;
  registration_text: string | null;
  registration_email: string | null;
  registration_url: string | null;
}

export interface EventOfferTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  title: string | null;
  description: string;
  call_to_action: string | null;
}

export interface ContactTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  team: string;
  address_lines: string;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** JSON list of the domain's ContactPurpose. */
  purposes: Generated<string>;
}

export interface FeedbackTable {
  id: string;
  council_id: string;
  kind: string;
  page: string;
  helpful: number | null;
  topic: string | null;
  comment: string | null;
  created_at: string;
  status: Generated<string>;
  status_changed_at: string | null;
  status_changed_by: string | null;
}

export interface SubmissionAttemptTable {
  id: string;
  council_id: string;
  client_hash: string;
  form: string;
  at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_platform_admin: number;
  created_at: string;
  disabled_at: string | null;
}

export interface MembershipTable {
  user_id: string;
  council_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  /** SHA-256 of the token: a stolen database holds no usable session. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface InvitationTable {
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

export interface SignInAttemptTable {
  id: string;
  email: string;
  client: string;
  succeeded: number;
  at: string;
}

export interface AuditLogTable {
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
  feedback: FeedbackTable;
  submission_attempts: SubmissionAttemptTable;
}
