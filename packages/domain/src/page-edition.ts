import type { Council } from './council.js';
import type { ContentKind } from './lifecycle.js';
import type { PledgeContent } from './pledge.js';
import { checkCouncilContent, checkPledge, errorsOf } from './rules.js';
import type { EditionContent, Section } from './workspace.js';

/** Each section's name in the audit log and in refusals. */
export const SECTION_LABELS: Record<Section, string> = {
  statement: 'statement',
  pledge: 'pledge',
  board: 'board',
  involvement: 'involvement',
  training: 'training offers',
  events: 'event offers',
  contacts: 'contacts',
  branding: 'branding',
};

/** A council's page as a kind of content with a lifecycle: the rules are checked against that council. */
export const pageEditionKind = (council: Council): ContentKind<EditionContent, Section> => ({
  problems: (content) => errorsOf(checkCouncilContent({ council, ...content })).map((finding) => finding.message),
  // A pledge that breaks the rules is not even saved; the other sections are checked as a whole page.
  partProblems: (part, content) =>
    part === 'pledge' && content ? errorsOf(checkPledge(content as PledgeContent, council.nation)).map((finding) => finding.message) : [],
  label: (part) => SECTION_LABELS[part],
  neverPublished: 'This council has not published its page yet',
});
