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
}

export interface PromisePrincipleTable {
  promise_id: string;
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
}

export interface FeedbackTable {
  id: string;
  council_id: string;
  page: string;
  helpful: number;
  comment: string | null;
  created_at: string;
}

export interface DatabaseSchema {
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
  boards: BoardTable;
  involvement: InvolvementTable;
  involvement_opportunities: InvolvementOpportunityTable;
  training_offers: TrainingOfferTable;
  event_offers: EventOfferTable;
  contacts: ContactTable;
  feedback: FeedbackTable;
}
