import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { councilContent } from '@pledgekeeper/domain/council';
import { describe, expect, it } from 'vitest';
import { readValues, type Field, type FormValues, type ItemValues } from './form-model';
import { SECTION_FORMS, SECTION_NAMES, SETUP_ROUNDS, nextSection } from './index';

const seed = (slug: string) =>
  councilContent.parse(
    JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../../packages/db/seeds/${slug}.json`, import.meta.url)), 'utf8')),
  );

/** What a browser posts for the form as rendered with these values. */
function posted(fields: readonly Field[], values: FormValues): FormData {
  const data = new FormData();
  const add = (name: string, value: string | string[] | undefined) => {
    for (const one of Array.isArray(value) ? value : [value ?? '']) data.append(name, one);
  };
  for (const field of fields) {
    if (field.kind === 'group') {
      (values[field.name] as ItemValues[]).forEach((item, index) => {
        for (const sub of field.fields) add(`${field.name}.${index}.${sub.name}`, item[sub.name]);
      });
    } else {
      add(field.name, values[field.name] as string | string[]);
    }
  }
  return data;
}

describe.each(['somerset', 'worcestershire'])('every section of %s', (slug) => {
  const content = seed(slug);
  it.each(SECTION_NAMES)('%s survives being shown in its form and posted back unchanged', (section) => {
    const form = SECTION_FORMS[section];
    const stored = content[section];
    const values = form.fromContent(stored);
    const back = form.toContent(readValues(form.fields, posted(form.fields, values)));
    const parsed = form.schema.safeParse(back);
    expect(parsed.success).toBe(true);
    expect(back).toEqual(withoutSuggestionMarks(JSON.parse(JSON.stringify(stored))));
  });
});

/**
 * Whether plain words or links are still Pledgekeeper's suggestion is decided by the API when a
 * pledge is saved (what an editor changes becomes the council's), never by what a form sends.
 */
function withoutSuggestionMarks(content: unknown): unknown {
  if (Array.isArray(content)) return content.map(withoutSuggestionMarks);
  if (typeof content !== 'object' || content === null) return content;
  const entries = Object.entries(content).filter(([key]) => key !== 'plainWordsSuggested' && key !== 'principlesSuggested');
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutSuggestionMarks(value)]));
}

describe('empty sections', () => {
  it.each(SECTION_NAMES)('%s saves an untouched empty form as nothing', (section) => {
    const form = SECTION_FORMS[section];
    const values = form.fromContent(null);
    const back = form.toContent(readValues(form.fields, posted(form.fields, values)));
    if (section === 'statement') {
      expect(back).toEqual({ summary: null, paragraphs: [], corporateParents: [], goodParentMeans: [], helpfulQuestion: null });
    } else {
      expect(back === null || (Array.isArray(back) && back.length === 0)).toBe(true);
    }
  });
});

describe('"Save and continue"', () => {
  const round = (first: (typeof SECTION_NAMES)[number]) => {
    const visited: string[] = [first];
    for (let at = nextSection(first); at; at = nextSection(at)) visited.push(at);
    return visited;
  };

  it('takes a council through what every page needs, then back to the overview', () => {
    expect(round('statement')).toEqual(['statement', 'pledge', 'board', 'contacts']);
  });

  it('takes it through the optional parts as a round of their own, and every section is in one round', () => {
    expect(round('involvement')).toEqual(['involvement', 'training', 'events']);
    expect(SETUP_ROUNDS.flat().sort()).toEqual([...SECTION_NAMES].sort());
  });
});
