import { BOARD_MEMBER_KINDS, board, type Board } from '@pledgekeeper/domain/council';
import {
  fromNumber,
  fromParagraphs,
  fromText,
  list,
  numberOf,
  optionalText,
  options,
  paragraphsOf,
  text,
  type Field,
  type FormValues,
} from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  { kind: 'text', name: 'name', label: 'Name of the board' },
  { kind: 'text', name: 'abbreviation', label: 'Abbreviation', hint: 'Optional, like CPB.' },
  { kind: 'paragraphs', name: 'purpose', label: 'Purpose', hint: 'Leave a blank line between paragraphs.' },
  {
    kind: 'select',
    name: 'cadence.kind',
    label: 'How often it meets',
    empty: 'Not stated',
    options: [
      { value: 'every-n-months', label: 'Every so many months' },
      { value: 'times-per-year', label: 'So many times a year' },
    ],
  },
  { kind: 'number', name: 'cadence.count', label: 'How many months, or times a year' },
  {
    kind: 'checkboxes',
    name: 'membership',
    label: 'Who sits on it',
    hint: 'Tick only who your page says sits on it.',
    options: options(BOARD_MEMBER_KINDS),
  },
  {
    kind: 'checkboxes',
    name: 'notMembers',
    label: 'Who does not sit on it',
    hint: 'Tick only where your page says so. Anyone ticked in neither list is shown as “Not stated”, never as “No”.',
    options: options(BOARD_MEMBER_KINDS),
  },
  { kind: 'textarea', name: 'membershipText', label: 'Membership in your words', hint: 'Optional.' },
  { kind: 'text', name: 'moreInfo.text', label: 'More information: link text', hint: 'Optional.' },
  {
    kind: 'text',
    name: 'moreInfo.url',
    label: 'More information: web address',
    hint: 'Starting https://. Without an address, the link text is shown only as something your page mentions, not as a link.',
  },
];

function cadenceOf(values: FormValues) {
  const kind = text(values['cadence.kind']);
  const count = numberOf(values['cadence.count']);
  if (kind === 'every-n-months') return { kind, months: count };
  if (kind === 'times-per-year') return { kind, times: count };
  return null;
}

export const boardForm: SectionForm = {
  section: 'board',
  title: 'Board',
  summary: 'The corporate parenting board: its name, purpose, how often it meets and who sits on it.',
  fields,
  schema: board.nullable(),
  toContent: (values: FormValues) => {
    const moreText = optionalText(values['moreInfo.text']);
    const moreUrl = optionalText(values['moreInfo.url']);
    const content = {
      name: text(values.name),
      abbreviation: optionalText(values.abbreviation),
      purpose: paragraphsOf(values.purpose),
      cadence: cadenceOf(values),
      membership: list(values.membership),
      notMembers: list(values.notMembers),
      membershipText: optionalText(values.membershipText),
      moreInfo: moreText || moreUrl ? { text: moreText ?? '', url: moreUrl } : null,
    };
    const blank = Object.values(content).every((value) => value === null || value === '' || (Array.isArray(value) && value.length === 0));
    return blank ? null : content;
  },
  fromContent: (content) => {
    const value = content as Board | null;
    const cadence = value?.cadence ?? null;
    return {
      name: fromText(value?.name),
      abbreviation: fromText(value?.abbreviation),
      purpose: fromParagraphs(value?.purpose),
      'cadence.kind': cadence?.kind ?? '',
      'cadence.count': fromNumber(cadence ? (cadence.kind === 'every-n-months' ? cadence.months : cadence.times) : null),
      membership: [...(value?.membership ?? [])],
      notMembers: [...(value?.notMembers ?? [])],
      membershipText: fromText(value?.membershipText),
      'moreInfo.text': fromText(value?.moreInfo?.text),
      'moreInfo.url': fromText(value?.moreInfo?.url),
    };
  },
};
