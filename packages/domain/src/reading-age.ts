/**
 * A reading-age estimate for English text: the Flesch-Kincaid grade level (Kincaid et al., 1975),
 * grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, read as a UK reading
 * age by adding 5 (US grade 1 is the year children turn 6 or 7). Syllables are counted by a
 * spelling heuristic, so the figure is a guide for editors, not a measurement.
 */
export interface ReadingAge {
  /** Whole years, from 5 (the formula says little about younger readers) to 22. */
  age: number;
  /** The Flesch-Kincaid grade level, unrounded. */
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
  /** Such as "about 9 years: easy to read". */
  label: string;
}

const YOUNGEST = 5;
const OLDEST = 22;

/** How hard a text is for its reading age, in plain words. */
const BANDS: readonly [upTo: number, words: string][] = [
  [9, 'easy to read'],
  [11, 'fairly easy to read'],
  [14, 'fairly hard to read'],
  [17, 'hard to read'],
  [OLDEST, 'very hard to read'],
];

/** Syllables in one word, by its spelling: vowel groups, less silent endings, plus a few pairs said apart. */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return /\d/.test(word) ? word.replace(/\D/g, '').length : 0;
  let count = letters.match(/[aeiouy]+/g)?.length ?? 0;
  // A silent final e ("make", "promise"), but not "-le" after a consonant ("little", "people").
  if (/[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) count--;
  // -ed is silent except after t or d ("helped", but "supported", "needed").
  else if (/[^aeiouytd]ed$/.test(letters)) count--;
  // -es is silent except after a hissing sound ("makes", but "changes", "chooses", "washes").
  else if (/[^aeiouysxzcg]es$/.test(letters) && !/[cs]hes$/.test(letters)) count--;
  // A vowel before -ing is said apart from it ("being", "going", "bullying").
  if (/[aeiouy]ing$/.test(letters)) count++;
  // "ua" is two sounds except after q or g ("actual", but "quality", "language").
  count += letters.match(/(?<![qg])ua/g)?.length ?? 0;
  return Math.max(1, count);
}

/** Words are runs of text between spaces that hold a letter or a digit; "well-being" is one word. */
const wordsOf = (text: string): string[] => text.split(/[\s\u2013\u2014/]+/).filter((token) => /[\p{L}\p{N}]/u.test(token));

/** Sentences end at a full stop, question mark or exclamation mark, or at a line break. */
const sentenceCount = (text: string): number =>
  text.split(/[.!?]+(?=\s|$|["'\u2019\u201D)])|\n+/).filter((part) => wordsOf(part).length > 0).length;

const labelFor = (age: number): string => {
  const words = BANDS.find(([upTo]) => age <= upTo)?.[1] ?? 'very hard to read';
  return `about ${age} years: ${words}`;
};

/** The reading age of a text, or null when it has no words to judge. */
export function readingAge(text: string): ReadingAge | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const sentences = Math.max(1, sentenceCount(text));
  const syllables = words.reduce(
    (sum, word) => sum + word.split('-').reduce((part, piece) => part + (piece ? countSyllables(piece) : 0), 0),
    0,
  );
  const grade = 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
  const age = Math.min(OLDEST, Math.max(YOUNGEST, Math.round(grade + 5)));
  return { age, grade, words: words.length, sentences, syllables, label: labelFor(age) };
}
