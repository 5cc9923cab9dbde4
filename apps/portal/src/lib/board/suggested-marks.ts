/** Words shown for a promise: its plain words, marked where Pledgekeeper suggested them and the council has not confirmed them. */
export interface MarkedWords {
  words?: string | null;
  suggested?: boolean;
}

/**
 * Where to say that words are Pledgekeeper's, as the council page does: once for a whole list when
 * every one shown is suggested (`all`), otherwise beside each one that is (`each`).
 */
export function suggestedMarks(items: readonly MarkedWords[]): { all: boolean; each: (item: MarkedWords) => boolean } {
  const shown = items.filter((item) => item.words);
  const all = shown.length > 0 && shown.every((item) => item.suggested);
  return { all, each: (item) => !all && !!item.words && !!item.suggested };
}
