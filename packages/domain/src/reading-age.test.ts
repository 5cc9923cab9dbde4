import { describe, expect, it } from 'vitest';
import { countSyllables, readingAge } from './reading-age.js';

describe('counting syllables', () => {
  // Counts as a dictionary divides these words.
  const DICTIONARY: [string, number][] = [
    ['the', 1],
    ['be', 1],
    ['any', 2],
    ['you', 1],
    ['care', 1],
    ['safe', 1],
    ['promise', 2],
    ['people', 2],
    ['little', 2],
    ['supported', 3],
    ['involved', 2],
    ['looked', 1],
    ['needed', 2],
    ['makes', 1],
    ['changes', 2],
    ['chooses', 2],
    ['being', 2],
    ['going', 2],
    ['bullying', 3],
    ['actual', 3],
    ['quality', 3],
    ['language', 2],
    ['education', 4],
    ['emotional', 4],
    ['opportunities', 5],
    ['activities', 4],
    ['aspirations', 4],
    ['physical', 3],
    ['minimise', 3],
    ['adulthood', 3],
    ['responsible', 4],
    ['achieve', 2],
    ['outcomes', 2],
    ['require', 2],
    ['decisions', 3],
    ['leisure', 2],
    ["council's", 2],
    ['Bullying', 3],
  ];

  it.each(DICTIONARY)('finds the syllables of "%s" (%i)', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });

  it('gives every word at least one syllable and a number one per digit', () => {
    expect(countSyllables('hmm')).toBe(1);
    expect(countSyllables('11')).toBe(2);
    expect(countSyllables('—')).toBe(0);
  });
});

describe('the reading age of a text', () => {
  it('has nothing to say about text without words', () => {
    expect(readingAge('')).toBeNull();
    expect(readingAge('   \n ')).toBeNull();
    expect(readingAge('… – !')).toBeNull();
  });

  it('rates a short sentence of one-syllable words as easy, never below five', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45, an age of 3.55: shown as 5.
    const cat = readingAge('The cat sat on the mat.');
    expect(cat).toMatchObject({ words: 6, sentences: 1, syllables: 6, age: 5, label: 'about 5 years: easy to read' });
    expect(cat?.grade).toBeCloseTo(-1.45, 5);
  });

  it("rates Worcestershire's pledge 2 as hard to read", () => {
    // En-sure that you phys-i-cal and e-mo-tion-al health and well-be-ing is ful-ly sup-port-ed:
    // 2+1+1+3+1+4+1+1+3+1+2+3: 12 words, 23 syllables, 1 sentence.
    // 0.39 × 12 + 11.8 × 23/12 − 15.59 = 11.71, so 16.71 years.
    const result = readingAge('Ensure that you physical and emotional health and well-being is fully supported');
    expect(result).toMatchObject({ words: 12, sentences: 1, syllables: 23, age: 17, label: 'about 17 years: hard to read' });
    expect(result?.grade).toBeCloseTo(11.7067, 3);
  });

  it("rates Worcestershire's pledge 11, two sentences, as fairly hard", () => {
    // 15 words and 23 syllables, then 14 words and 18 syllables ("any" 2, "aspirations" 4, "corporate" 3):
    // 0.39 × 29/2 + 11.8 × 41/29 − 15.59 = 6.75, so 11.75 years.
    const result = readingAge(
      "Our aspirations and goals as Corporate Parents will be the same as any good parent. We will require the best for our looked after children not just 'good enough",
    );
    expect(result).toMatchObject({ words: 29, sentences: 2, syllables: 41, age: 12, label: 'about 12 years: fairly hard to read' });
    expect(result?.grade).toBeCloseTo(6.7478, 3);
  });

  it('rates short plain sentences as easy', () => {
    // 10 words, 12 syllables ("bul-ly-ing" 3), 2 sentences: 0.39 × 5 + 11.8 × 1.2 − 15.59 = 0.52, so 5.52 years.
    expect(readingAge('We will help you stay safe. We will stop bullying.')).toMatchObject({
      words: 10,
      sentences: 2,
      syllables: 12,
      age: 6,
      label: 'about 6 years: easy to read',
    });
  });

  it('counts a line break as the end of a sentence, and caps very long sentences at 22', () => {
    expect(readingAge('We will listen\nWe will help')?.sentences).toBe(2);
    const endless = Array.from({ length: 80 }, () => 'responsibility').join(' ');
    expect(readingAge(endless)).toMatchObject({ age: 22, label: 'about 22 years: very hard to read' });
  });
});
