import type { Pledge } from './pledge.js';
import { promiseLabel } from './promise-noun.js';
import { promisesByTheme } from './rules.js';

/** What delivery is recorded against: a promise of the published pledge, or a theme of a themed one. */
export interface ProgressTarget {
  /** `promise-3` or `theme-home`, which is also the anchor on the progress page. */
  target: string;
  kind: 'promise' | 'theme';
  /** "Pledge 3" (in the council's own word for a promise), or the theme's title. */
  label: string;
  /** The promise in plain words where the council wrote them, else its own words; a theme's description. */
  words: string | null;
  /** The council's formal words, when plain words come first. */
  formal: string | null;
  /** True where `words` are plain words Pledgekeeper suggested and the council has not yet confirmed. */
  suggested?: boolean;
}

/**
 * The targets of a published pledge, in its order: its promises where they are numbered (grouped by
 * theme as the council page shows them), otherwise its themes. A pledge of unnumbered promises
 * without themes has nothing to point a record at, and so no progress yet.
 */
export function progressEntries(
  pledge: (Pick<Pledge, 'promises' | 'themes'> & Partial<Pick<Pledge, 'promiseNoun'>>) | null,
): ProgressTarget[] {
  if (!pledge) return [];
  const numbered = pledge.promises.length > 0 && pledge.promises.every((promise) => promise.number !== null);
  if (numbered) {
    return promisesByTheme(pledge)
      .flatMap((group) => group.promises)
      .map((promise) => ({
        target: `promise-${promise.number}`,
        kind: 'promise' as const,
        label: promiseLabel(pledge.promiseNoun ?? 'promise', promise.number as number),
        words: promise.plainWords ?? promise.text,
        formal: promise.plainWords ? promise.text : null,
        suggested: !!promise.plainWords && !!promise.plainWordsSuggested,
      }));
  }
  return pledge.themes.map((theme) => ({
    target: `theme-${theme.key}`,
    kind: 'theme' as const,
    label: theme.title,
    words: theme.description,
    formal: null,
  }));
}
