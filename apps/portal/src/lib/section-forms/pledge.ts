import {
  AUDIENCES,
  LOCAL_OFFER_AREAS,
  NATIONS,
  PROMISE_NOUNS,
  type Nation,
  pledgeContent,
  principlesOf,
  promiseLabel,
  type Audience,
  type PledgeContent,
} from '@pledgekeeper/domain/council';
import {
  filledItems,
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
  type ScalarField,
  type FormValues,
  type ItemValues,
} from './form-model';
import { suggestionChoices } from './pledge-insights';
import type { SectionForm } from './section-form';

const AUDIENCE_LABELS: Record<Audience, string> = {
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  carers: 'Carers',
};
const audienceOptions = options(AUDIENCES, (value) => AUDIENCE_LABELS[value]);
// Shown as the public page shows it, so an editor sees what readers will read.
const nounOptions = PROMISE_NOUNS.map((noun) => ({ value: noun, label: `${promiseLabel(noun, 1)}, ${promiseLabel(noun, 2)}…` }));
/**
 * A council links its promises to its own nation's principles only, so its form offers those;
 * Northern Ireland has none. Reading a posted form (`null`) accepts any nation's: the API refuses,
 * with a clear message, a link to another nation's principle.
 */
const principleField = (nation: Nation | null): ScalarField[] => {
  const principles = nation ? principlesOf(nation) : NATIONS.flatMap(principlesOf);
  if (principles.length === 0) return [];
  const options = principles.map((principle) => ({ value: principle.code, label: principle.shortName }));
  return [{ kind: 'checkboxes', name: 'principles', label: PRINCIPLE_LABELS[nation ?? 'england'], options }];
};
const PRINCIPLE_LABELS: Record<Nation, string> = {
  england: 'Principles it serves',
  wales: 'Principles of “A promise from Wales” it serves',
  scotland: 'Corporate parenting duties it serves',
  'northern-ireland': 'Principles it serves',
};
const offerAreaOptions = LOCAL_OFFER_AREAS.map((area) => ({ value: area.code, label: area.name }));

/** A promise's theme is chosen from the themes on the same form, as last saved or typed. */
const themeOptions = (values: FormValues) =>
  ((values.themes ?? []) as ItemValues[])
    .filter((theme) => text(theme.key) !== '')
    .map((theme) => ({ value: text(theme.key), label: text(theme.title) || text(theme.key) }));

const fieldsFor = (nation: Nation | null): Field[] => [
  { kind: 'text', name: 'title', label: 'Title', hint: 'Your own heading for the pledge. Optional.' },
  {
    kind: 'select',
    name: 'promiseNoun',
    label: 'What you call each promise',
    hint: 'The word your own page uses. The public pages name each numbered promise with it.',
    options: nounOptions,
  },
  { kind: 'paragraphs', name: 'introduction', label: 'Introduction', hint: 'Leave a blank line between paragraphs.' },
  { kind: 'checkboxes', name: 'audiences', label: 'Who the pledge is made to', options: audienceOptions },
  { kind: 'text', name: 'writtenWith', label: 'Written with', hint: 'For example, your Children in Care Council. Optional.' },
  {
    kind: 'group',
    name: 'themes',
    label: 'Themes',
    itemLabel: 'Theme',
    fields: [
      { kind: 'text', name: 'key', label: 'Key', hint: 'Lower-case letters, digits and hyphens, like where-i-live.' },
      { kind: 'text', name: 'title', label: 'Title' },
      { kind: 'textarea', name: 'description', label: 'Description' },
      ...principleField(nation),
    ],
  },
  {
    kind: 'group',
    name: 'promises',
    label: 'Promises',
    itemLabel: 'Promise',
    startWith: 3,
    renumber: 'number',
    fields: [
      { kind: 'number', name: 'number', label: 'Number', hint: 'Number every promise or none.' },
      { kind: 'textarea', name: 'text', label: 'Text', hint: 'The council’s own words.' },
      {
        kind: 'textarea',
        name: 'plainWords',
        label: 'In plain words',
        hint: 'The same promise in short, warm sentences a 10-year-old can read. The public page shows these words first. Optional.',
      },
      { kind: 'select', name: 'themeKey', label: 'Theme', options: themeOptions, empty: 'No theme' },
      ...principleField(nation),
      { kind: 'checkboxes', name: 'localOfferAreas', label: 'Local offer areas for care leavers', options: offerAreaOptions },
      { kind: 'kept', name: 'audiences', label: 'Audiences' },
      // Suggestions an editor turned down, so they are not made again. Never shown publicly.
      { kind: 'kept', name: 'rejectedSuggestions', label: 'Suggestions turned down' },
    ],
  },
  { kind: 'paragraphs', name: 'closing', label: 'Closing words', hint: 'Said after the promises. Optional.' },
];

const pledgeFormOf = (nation: Nation | null): SectionForm => ({
  section: 'pledge',
  title: 'Pledge',
  summary: 'Your promises in your words and in plain words, their numbers and themes, and the principles each one serves.',
  fields: fieldsFor(nation),
  schema: pledgeContent.nullable(),
  choices: suggestionChoices,
  toContent: (values: FormValues) => {
    const content = {
      title: optionalText(values.title),
      introduction: paragraphsOf(values.introduction),
      audiences: list(values.audiences),
      writtenWith: optionalText(values.writtenWith),
      themes: filledItems(values, 'themes').map((theme) => ({
        key: text(theme.key),
        title: text(theme.title),
        description: optionalText(theme.description),
        principles: list(theme.principles),
      })),
      promises: filledItems(values, 'promises', 'number').map((promise) => ({
        number: numberOf(promise.number),
        text: text(promise.text),
        plainWords: optionalText(promise.plainWords),
        themeKey: optionalText(promise.themeKey),
        audiences: list(promise.audiences),
        principles: list(promise.principles),
        localOfferAreas: list(promise.localOfferAreas),
        rejectedSuggestions: list(promise.rejectedSuggestions),
      })),
      closing: paragraphsOf(values.closing),
    };
    const blank = Object.values(content).every((value) => value === null || (Array.isArray(value) && value.length === 0));
    // The word alone makes no pledge; anything but one of the three words is left for the schema to refuse.
    return blank ? null : { ...content, promiseNoun: text(values.promiseNoun) || 'promise' };
  },
  fromContent: (content) => {
    const pledge = content as PledgeContent | null;
    return {
      title: fromText(pledge?.title),
      promiseNoun: pledge?.promiseNoun ?? 'promise',
      introduction: fromParagraphs(pledge?.introduction),
      audiences: [...(pledge?.audiences ?? [])],
      writtenWith: fromText(pledge?.writtenWith),
      themes: (pledge?.themes ?? []).map((theme) => ({
        key: theme.key,
        title: theme.title,
        description: fromText(theme.description),
        principles: [...theme.principles],
      })),
      promises: (pledge?.promises ?? []).map((promise) => ({
        number: fromNumber(promise.number),
        text: promise.text,
        plainWords: fromText(promise.plainWords),
        themeKey: fromText(promise.themeKey),
        principles: [...promise.principles],
        localOfferAreas: [...promise.localOfferAreas],
        audiences: [...promise.audiences],
        rejectedSuggestions: [...promise.rejectedSuggestions],
      })),
      closing: fromParagraphs(pledge?.closing),
    };
  },
});

const FORMS = new Map<Nation | null, SectionForm>();

/** The pledge form for a council of `nation`, offering that nation's principles; `null` reads any. */
export function pledgeFormFor(nation: Nation | null): SectionForm {
  let form = FORMS.get(nation);
  if (!form) FORMS.set(nation, (form = pledgeFormOf(nation)));
  return form;
}

/** For reading what was posted, where the council's nation is not at hand. */
export const pledgeForm = pledgeFormFor(null);
