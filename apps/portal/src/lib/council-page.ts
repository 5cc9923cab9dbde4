import {
  corporateParentGroup,
  type Audience,
  type BoardMemberKind,
  type CorporateParent,
  type CouncilKind,
  type PrincipleCode,
  type Promise,
  type PromiseNoun,
  promiseLabel as nounLabel,
} from '@pledgekeeper/domain/council';

const KIND_LABELS: Record<CouncilKind, string> = {
  county: 'County council',
  unitary: 'Unitary authority',
  district: 'District council',
  'metropolitan-borough': 'Metropolitan borough council',
  'london-borough': 'London borough council',
  'combined-authority': 'Combined authority',
  'other-public-body': 'Public body',
};
export const kindLabel = (kind: CouncilKind): string => KIND_LABELS[kind];

const AUDIENCE_LABELS: Record<Audience, string> = {
  'children-in-care': 'children in care',
  'care-leavers': 'care leavers',
  carers: 'carers',
};

const MEMBER_LABELS: Record<BoardMemberKind, string> = {
  'elected-members': 'elected members',
  officers: 'council officers',
  'partner-agencies': 'partner agencies',
  'young-people': 'young people',
  carers: 'carers',
};

/** "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const audiencesInWords = (audiences: readonly Audience[]): string =>
  capitalise(inWords(audiences.map((audience) => AUDIENCE_LABELS[audience])));

export const membershipInWords = (membership: readonly BoardMemberKind[]): string =>
  capitalise(inWords(membership.map((kind) => MEMBER_LABELS[kind])));

/**
 * "Pledge 3" (in the council's own word: see promiseNoun) where the council numbers its promises,
 * otherwise the promise's own words.
 */
export const promiseLabel = (promise: Pick<Promise, 'number' | 'text'>, noun: PromiseNoun = 'promise'): string =>
  promise.number === null ? promise.text : nounLabel(noun, promise.number);

export const promisesForPrinciple = (promises: readonly Promise[], code: PrincipleCode): Promise[] =>
  promises.filter((promise) => promise.principles.includes(code));

/** The council's own people and its partner agencies, in the council's order. */
export function corporateParentsByGroup(parents: readonly CorporateParent[]) {
  return {
    council: parents.filter((parent) => corporateParentGroup(parent.kind) === 'council'),
    partner: parents.filter((parent) => corporateParentGroup(parent.kind) === 'partner'),
  };
}

export const telHref = (phone: string): string => `tel:${phone.replace(/\s+/g, '')}`;

export const promiseCountInWords = (count: number): string => (count === 1 ? '1 promise' : `${count} promises`);

export const themeCountInWords = (count: number): string => (count === 1 ? '1 theme' : `${count} themes`);

/** Only web addresses become links; anything else is shown as text. */
export function webHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
