import type { Board } from './board.js';
import { type Branding, type Contact, noBranding } from './council.js';
import type { LogoRef } from './logo.js';
import type { EventOffer, InvolvementOpportunity, TrainingOffer } from './involvement.js';
import type { PledgeContent, PromiseRecord, Theme } from './pledge.js';
import { LOCAL_OFFER_AREAS, principleByCode } from './reference.js';
import { describeCadence } from './rules.js';
import { nameOf } from './suggest.js';
import type { CorporateParent, Statement } from './statement.js';
import { type Change, Changes, type Text } from './diff-changes.js';
import type { EditionContent } from './workspace.js';

export { CHANGE_KINDS, change, type Change } from './diff-changes.js';

const list = (values: readonly string[]): Text => (values.length > 0 ? values.join(', ') : null);
const words = (code: string): string => code.replaceAll('-', ' ');
const principleName = (code: string) => principleByCode(code)?.shortName ?? code;
const areaName = (code: string) => LOCAL_OFFER_AREAS.find((a) => a.code === code)?.name ?? code;
const prose = (paragraphs: readonly string[]): Text => (paragraphs.length > 0 ? paragraphs.join('\n\n') : null);

const json = (value: unknown): string => JSON.stringify(value);

function diffStatement(before: Statement, after: Statement): Change[] {
  const changes = new Changes('statement');
  changes.value('statement.summary', 'Statement summary', before.summary, after.summary);
  changes.paragraphs('statement.paragraphs', 'Statement paragraph', before.paragraphs, after.paragraphs);
  changes.list<CorporateParent>('statement.corporateParents', before.corporateParents, after.corporateParents, {
    key: json,
    label: (_, index) => `Corporate parent ${index + 1}`,
    summary: (parent) => parent.label,
    fields: [
      ['label', 'name', (parent) => parent.label],
      ['kind', 'kind', (parent) => words(parent.kind)],
    ],
  });
  changes.paragraphs(
    'statement.goodParentMeans',
    'Being a good corporate parent means, item',
    before.goodParentMeans,
    after.goodParentMeans,
  );
  changes.value(
    'statement.helpfulQuestion',
    'Question above the feedback form',
    before.helpfulQuestion ?? null,
    after.helpfulQuestion ?? null,
  );
  return changes.all;
}

function diffPledge(before: PledgeContent | null, after: PledgeContent | null): Change[] {
  const changes = new Changes('pledge');
  changes.optional(
    'pledge',
    'Pledge',
    before,
    after,
    (pledge) => pledge.title ?? `A pledge of ${pledge.promises.length} promises`,
    (old, now) => {
      changes.value('pledge.title', 'Pledge title', old.title, now.title);
      changes.paragraphs('pledge.introduction', 'Pledge introduction, paragraph', old.introduction, now.introduction);
      changes.value('pledge.audiences', 'Pledge audiences', list(old.audiences.map(words)), list(now.audiences.map(words)));
      changes.value('pledge.writtenWith', 'Pledge written with', old.writtenWith, now.writtenWith);
      changes.list<Theme>('pledge.themes', old.themes, now.themes, {
        key: (theme) => theme.key,
        label: (_, index) => `Theme ${index + 1}`,
        summary: (theme) => theme.title,
        fields: [
          ['title', 'title', (theme) => theme.title],
          ['description', 'description', (theme) => theme.description],
          ['principles', 'principles', (theme) => list(theme.principles.map(principleName))],
          ['key', 'key', (theme) => theme.key],
        ],
      });
      // A promise's theme is shown by its title, the newer one where both editions have it, so that
      // renaming a theme is one change rather than one per promise.
      const themeTitle = (key: string | null) =>
        key === null ? null : ([...now.themes, ...old.themes].find((theme) => theme.key === key)?.title ?? key);
      // Promises are matched by their text, so renumbering shows as new numbers, not new promises.
      changes.list<PromiseRecord>('pledge.promises', old.promises, now.promises, {
        key: (promise) => promise.text,
        label: (promise, index) => `Promise ${promise.number ?? index + 1}`,
        summary: (promise) => promise.text,
        fields: [
          ['text', 'text', (promise) => promise.text],
          ['plainWords', 'plain words', (promise) => promise.plainWords],
          ['number', 'number', (promise) => (promise.number === null ? null : String(promise.number))],
          ['themeKey', 'theme', (promise) => themeTitle(promise.themeKey)],
          ['audiences', 'audiences', (promise) => list(promise.audiences.map(words))],
          ['principles', 'principles', (promise) => list(promise.principles.map(principleName))],
          ['localOfferAreas', 'local offer areas', (promise) => list(promise.localOfferAreas.map(areaName))],
          ['rejectedSuggestions', 'suggestions turned down', (promise) => list(promise.rejectedSuggestions.map(nameOf))],
        ],
      });
      changes.paragraphs('pledge.closing', 'Pledge closing, paragraph', old.closing, now.closing);
    },
  );
  return changes.all;
}

function diffBoard(before: Board | null, after: Board | null): Change[] {
  const changes = new Changes('board');
  changes.optional(
    'board',
    'Board',
    before,
    after,
    (board) => board.name,
    (old, now) => {
      changes.value('board.name', 'Board name', old.name, now.name);
      changes.value('board.abbreviation', 'Board abbreviation', old.abbreviation, now.abbreviation);
      changes.paragraphs('board.purpose', 'Board purpose, paragraph', old.purpose, now.purpose);
      const cadence = (board: Board) => (board.cadence ? describeCadence(board.cadence) : null);
      changes.value('board.cadence', 'Board meets', cadence(old), cadence(now));
      changes.value('board.membership', 'Board membership', list(old.membership.map(words)), list(now.membership.map(words)));
      changes.value('board.membershipText', 'Board membership, in words', old.membershipText, now.membershipText);
      changes.value('board.moreInfo.text', 'Board more information', old.moreInfo?.text ?? null, now.moreInfo?.text ?? null);
      changes.value('board.moreInfo.url', 'Board more information link', old.moreInfo?.url ?? null, now.moreInfo?.url ?? null);
    },
  );
  return changes.all;
}

function diffInvolvement(before: EditionContent['involvement'], after: EditionContent['involvement']): Change[] {
  const changes = new Changes('involvement');
  changes.optional(
    'involvement',
    'Involvement',
    before,
    after,
    (part) => part.introduction ?? `${part.opportunities.length} ways to get involved`,
    (old, now) => {
      changes.value('involvement.introduction', 'Involvement introduction', old.introduction, now.introduction);
      changes.list<InvolvementOpportunity>('involvement.opportunities', old.opportunities, now.opportunities, {
        key: json,
        label: (_, index) => `Involvement opportunity ${index + 1}`,
        summary: (opportunity) => opportunity.text,
        fields: [
          ['text', 'text', (opportunity) => opportunity.text],
          ['kinds', 'kinds', (opportunity) => list(opportunity.kinds.map(words))],
          ['organisation', 'organisation', (opportunity) => opportunity.organisation],
        ],
      });
    },
  );
  return changes.all;
}

function diffTraining(before: readonly TrainingOffer[], after: readonly TrainingOffer[]): Change[] {
  const changes = new Changes('training');
  changes.list<TrainingOffer>('training', before, after, {
    key: json,
    label: (_, index) => `Training offer ${index + 1}`,
    summary: (offer) => offer.title,
    fields: [
      ['title', 'title', (offer) => offer.title],
      ['description', 'description', (offer) => prose(offer.description)],
      ['duration', 'duration', (offer) => offer.duration],
      ['registration.text', 'how to register', (offer) => offer.registration?.text ?? null],
      ['registration.email', 'registration email', (offer) => offer.registration?.email ?? null],
      ['registration.url', 'registration link', (offer) => offer.registration?.url ?? null],
    ],
  });
  return changes.all;
}

function diffEvents(before: readonly EventOffer[], after: readonly EventOffer[]): Change[] {
  const changes = new Changes('events');
  changes.list<EventOffer>('events', before, after, {
    key: json,
    label: (_, index) => `Event offer ${index + 1}`,
    summary: (offer) => offer.title ?? offer.description[0] ?? null,
    fields: [
      ['title', 'title', (offer) => offer.title],
      ['description', 'description', (offer) => prose(offer.description)],
      ['callToAction', 'call to action', (offer) => offer.callToAction],
    ],
  });
  return changes.all;
}

function diffContacts(before: readonly Contact[], after: readonly Contact[]): Change[] {
  const changes = new Changes('contacts');
  changes.list<Contact>('contacts', before, after, {
    key: json,
    label: (_, index) => `Contact ${index + 1}`,
    summary: (contact) => contact.team,
    fields: [
      ['team', 'team', (contact) => contact.team],
      ['addressLines', 'address', (contact) => list(contact.addressLines)],
      ['postcode', 'postcode', (contact) => contact.postcode],
      ['email', 'email', (contact) => contact.email],
      ['phone', 'phone', (contact) => contact.phone],
      ['website', 'website', (contact) => contact.website],
    ],
  });
  return changes.all;
}

function diffBranding(before: Branding, after: Branding): Change[] {
  const changes = new Changes('branding');
  changes.value('branding.brandColour', 'Colour of the header', before.brandColour, after.brandColour);
  changes.value('branding.brandName', 'Name in the header', before.brandName, after.brandName);
  // A new file is a new picture even when its description stays: the diff says so in words.
  const logo = (ref: LogoRef | null) =>
    ref ? `${ref.alt} (${ref.type === 'image/png' ? 'PNG' : 'SVG'} file ${ref.id.slice(0, 8)})` : null;
  changes.value('branding.brandLogo', 'Logo', logo(before.brandLogo), logo(after.brandLogo));
  return changes.all;
}

/** Every difference between two editions of a page, section by section, in page order. */
export function diffContent(before: EditionContent, after: EditionContent): Change[] {
  return [
    ...diffStatement(before.statement, after.statement),
    ...diffPledge(before.pledge, after.pledge),
    ...diffBoard(before.board, after.board),
    ...diffInvolvement(before.involvement, after.involvement),
    ...diffTraining(before.training, after.training),
    ...diffEvents(before.events, after.events),
    ...diffContacts(before.contacts, after.contacts),
    ...diffBranding(before.branding ?? noBranding(), after.branding ?? noBranding()),
  ];
}
