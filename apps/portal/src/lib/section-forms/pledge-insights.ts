import type { Nation } from '@pledgekeeper/domain/council';
import {
  readingAge,
  suggestMappings,
  suggestionKindOf,
  type ReadingAge,
  type Suggestion,
  type SuggestionSubject,
} from '@pledgekeeper/domain/rules';
import { list, text, type Command, type FormValues, type ItemValues } from './form-model';

/** What the pledge form shows beside one promise: how hard its words are, and the mappings they suggest. */
export interface PromiseInsight {
  textAge: ReadingAge | null;
  plainWordsAge: ReadingAge | null;
  suggestions: Suggestion[];
}

/** The field a suggestion goes into when an editor accepts it. */
export const acceptField = (suggestion: Pick<Suggestion, 'kind'>): string =>
  suggestion.kind === 'principle' ? 'principles' : 'localOfferAreas';

/** What a suggested principle is called where the council is: "corporate parenting principle". */
export const PRINCIPLE_KIND: Record<Nation, string> = {
  england: 'corporate parenting principle',
  wales: 'principle of “A promise from Wales”',
  scotland: 'corporate parenting duty',
  'northern-ireland': 'principle',
};

/** A sentence for a field's hint: "Reading age (an estimate): about 9 years: easy to read." */
export const readingAgeHint = (age: ReadingAge | null): string | null => (age ? `Reading age (an estimate): ${age.label}.` : null);

/**
 * Insights for each promise on the form, by its index there, from the words as shown: after a
 * save those are the saved draft's. Worked out on the server, so no JavaScript is needed.
 */
export function promiseInsights(values: FormValues, nation: Nation = 'england'): PromiseInsight[] {
  return ((values.promises ?? []) as ItemValues[]).map((item) => {
    const subject = {
      text: text(item.text),
      plainWords: text(item.plainWords) || null,
      principles: list(item.principles),
      localOfferAreas: list(item.localOfferAreas),
      rejectedSuggestions: list(item.rejectedSuggestions),
    } as SuggestionSubject;
    return {
      textAge: readingAge(subject.text),
      plainWordsAge: subject.plainWords ? readingAge(subject.plainWords) : null,
      suggestions: suggestMappings(subject, nation),
    };
  });
}

/** The name of the radios for one suggestion to one promise: "promises.2.decide.cswa2017-1f". */
export const decisionName = (index: number, code: string): string => `promises.${index}.decide.${code}`;

const DECISION = /^promises\.(\d{1,4})\.decide\.([a-z0-9-]{1,60})$/;

/**
 * The suggestions accepted or turned down on the pledge form, as the commands that record them:
 * accepted into the promise's principles or local offer areas, turned down into the list of
 * suggestions not to make again. "Decide later" changes nothing.
 */
export function suggestionChoices(data: FormData): Command[] {
  const commands: Command[] = [];
  for (const [name, choice] of data.entries()) {
    const match = DECISION.exec(name);
    const kind = match ? suggestionKindOf(match[2]!) : null;
    if (!match || !kind || (choice !== 'accept' && choice !== 'reject')) continue;
    const field = choice === 'reject' ? 'rejectedSuggestions' : acceptField({ kind });
    commands.push({ kind: 'include', group: 'promises', index: Number(match[1]), field, value: match[2]! });
  }
  return commands;
}
