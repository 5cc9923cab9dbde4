import type { PromiseRecord } from './pledge.js';
import type { Nation } from './nation.js';
import { LOCAL_OFFER_AREAS, type LocalOfferAreaCode, type PrincipleCode, principleByCode } from './reference.js';
import { OFFER_AREA_RULES, PRINCIPLE_RULES, type SuggestionRule } from './suggestion-rules.js';
import { SCOTLAND_PRINCIPLE_RULES, WALES_PRINCIPLE_RULES } from './suggestion-rules-nations.js';

/** Each nation's rules for its own principles; Northern Ireland has none to suggest. */
const PRINCIPLE_RULES_BY_NATION: Readonly<Record<Nation, readonly SuggestionRule<PrincipleCode>[]>> = {
  england: PRINCIPLE_RULES,
  wales: WALES_PRINCIPLE_RULES,
  scotland: SCOTLAND_PRINCIPLE_RULES,
  'northern-ireland': [],
};

export type SuggestionKind = 'principle' | 'offerArea';

/** A mapping the platform suggests for a promise. Never the council's choice until an editor accepts it. */
export interface Suggestion {
  code: PrincipleCode | LocalOfferAreaCode;
  kind: SuggestionKind;
  /** The principle's short name or the local offer area's name. */
  name: string;
  /** Why, in words: "mentions “keep safe” and “bullying”". */
  reason: string;
  /** The promise's words that the rule found, as the promise writes them. */
  matched: string[];
}

/** What a suggestion is made from: the promise's words, and what its editors have already decided. */
export type SuggestionSubject = Pick<PromiseRecord, 'text' | 'principles' | 'localOfferAreas'> &
  Partial<Pick<PromiseRecord, 'plainWords' | 'rejectedSuggestions'>>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const regexes = new Map<string, RegExp>();

/** A pattern as a regular expression: see suggestion-rules.ts for how patterns read. */
function regexOf(pattern: string): RegExp {
  let regex = regexes.get(pattern);
  if (!regex) {
    const words = pattern
      .trim()
      .split(/\s+/)
      .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escape(word)));
    regex = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'giu');
    regexes.set(pattern, regex);
  }
  return regex;
}

/**
 * The words of a text that any of the patterns find, in the text's order. Matches that overlap,
 * or that only a space separates, are one: "the best outcomes" rather than "the best" and "outcomes".
 */
export function matchPatterns(text: string, patterns: readonly string[]): string[] {
  const spans: [number, number][] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(regexOf(pattern))) spans.push([match.index, match.index + match[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && (span[0] <= last[1] || /^\s+$/.test(text.slice(last[1], span[0])))) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([start, end]) => text.slice(start, end));
}

/** “a”, “b” and “c”. */
const quoted = (words: readonly string[]): string => {
  const quotes = words.map((word) => `“${word}”`);
  return quotes.length > 1 ? `${quotes.slice(0, -1).join(', ')} and ${quotes.at(-1)}` : (quotes[0] ?? '');
};

function suggestionsFrom<Code extends PrincipleCode | LocalOfferAreaCode>(
  rules: readonly SuggestionRule<Code>[],
  kind: SuggestionKind,
  texts: readonly string[],
  decided: ReadonlySet<string>,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const rule of rules) {
    if (decided.has(rule.code)) continue;
    const seen = new Set<string>();
    const matched = texts
      .flatMap((text) => matchPatterns(text, rule.patterns))
      .filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
    if (matched.length === 0) continue;
    suggestions.push({ code: rule.code, kind, name: nameOf(rule.code), reason: `mentions ${quoted(matched)}`, matched });
  }
  return suggestions;
}

export const nameOf = (code: string): string =>
  principleByCode(code)?.shortName ?? LOCAL_OFFER_AREAS.find((area) => area.code === code)?.name ?? code;

export const suggestionKindOf = (code: string): SuggestionKind | null =>
  principleByCode(code) ? 'principle' : LOCAL_OFFER_AREAS.some((area) => area.code === code) ? 'offerArea' : null;

/**
 * Principles of the council's nation and local offer areas a promise's words point to, with the
 * reason for each, leaving out those already chosen and those an editor turned down. Principles
 * first, in their framework's order.
 */
export function suggestMappings(promise: SuggestionSubject, nation: Nation = 'england'): Suggestion[] {
  const texts = [promise.text, promise.plainWords ?? ''].filter((text) => text.trim() !== '');
  const rejected = promise.rejectedSuggestions ?? [];
  return [
    ...suggestionsFrom(PRINCIPLE_RULES_BY_NATION[nation], 'principle', texts, new Set([...promise.principles, ...rejected])),
    ...suggestionsFrom(OFFER_AREA_RULES, 'offerArea', texts, new Set([...promise.localOfferAreas, ...rejected])),
  ];
}
