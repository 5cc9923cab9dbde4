import type { Generated } from 'kysely';

/** The tables an edition's content is written into when it is published: what public pages and comparisons read. */

export interface StatementTable {
  edition_id: string;
  council_id: string;
  summary: string | null;
  paragraphs: string;
  good_parent_means: string;
  /** The council's own question above the feedback form, or null for the portal's. */
  helpful_question: string | null;
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
  /** The council's word for one promise: 'pledge', 'promise' or 'commitment'. */
  promise_noun: Generated<string>;
}

export interface ThemeTable {
  id: string;
  edition_id: string;
  council_id: string;
  position: number;
  key: string;
  title: string;
  description: string | null;
  /** 1 while the theme's principles are Pledgekeeper's suggestion, not yet the council's. */
  principles_suggested: Generated<number>;
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
  /** 1 while the plain words are Pledgekeeper's suggestion, not yet the council's. */
  plain_words_suggested: Generated<number>;
  /** 1 while the links to principles are Pledgekeeper's suggestion, not yet the council's. */
  principles_suggested: Generated<number>;
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
  /** JSON list of the kinds of member the council says do not sit on the board. */
  not_members: Generated<string>;
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
  url: string | null;
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

/**
 * A publisher's confirmation that the suggested wording of one published edition is the council's
 * own. Kept beside the edition, which never changes once published; applied when it is read.
 */
export interface WordingConfirmationTable {
  edition_id: string;
  council_id: string;
  confirmed_by: string;
  confirmed_at: string;
}
