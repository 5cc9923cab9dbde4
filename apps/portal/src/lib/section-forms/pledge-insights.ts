import { readingAge, suggestMappings, type ReadingAge, type Suggestion, type SuggestionSubject } from '@pledgekeeper/domain/rules';
import { list, text, type FormValues, type ItemValues } from './form-model';

/** What the pledge form shows beside one promise: how hard its words are, and the mappings they suggest. */
export interface PromiseInsight {
  textAge: ReadingAge | null;
  plainWordsAge: ReadingAge | null;
  suggestions: Suggestion[];
}

/** The field a suggestion goes into when an editor accepts it. */
export const acceptField = (suggestion: Pick<Suggestion, 'kind'>): string =>
  suggestion.kind === 'principle' ? 'principles' : 'localOfferAreas';

/** A sentence for a field's hint: "Reading age (an estimate): about 9 years: easy to read." */
export const readingAgeHint = (age: ReadingAge | null): string | null => (age ? `Reading age (an estimate): ${age.label}.` : null);

/**
 * Insights for each promise on the form, by its index there, from the words as shown: after a
 * save those are the saved draft's. Worked out on the server, so no JavaScript is needed.
 */
export function promiseInsights(values: FormValues): PromiseInsight[] {
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
      suggestions: suggestMappings(subject),
    };
  });
}
