import { ownPrinciples, themePrinciples } from './compare.js';
import type { Nation } from './council.js';
import type { Pledge } from './pledge.js';
import { progressEntries } from './progress-targets.js';
import { PRINCIPLES_BY_NATION, type PrincipleCode } from './reference.js';

/** A promise (or theme) a council reports progress against, with the principles it is linked to. */
export interface DeliveryTarget {
  target: string;
  kind: 'promise' | 'theme';
  label: string;
  principles: PrincipleCode[];
}

const ANY_PRINCIPLE: readonly string[] = Object.values(PRINCIPLES_BY_NATION).flatMap((principles) => principles.map((p) => p.code));

/** In the framework's order; given a nation, its own principles only, so nothing is counted under another nation's. */
const inFrameworkOrder = (codes: Iterable<PrincipleCode>, value?: Nation): PrincipleCode[] => {
  const present = new Set(codes);
  const order = value ? [...ownPrinciples(value)] : (ANY_PRINCIPLE as PrincipleCode[]);
  return order.filter((code) => present.has(code));
};

/**
 * What a published pledge reports progress against, in the order its progress page shows: its
 * promises where every one is numbered, otherwise its themes. A promise is linked to its own
 * principles and to its theme's, as the matrix maps them: given the council's nation, to those of
 * its own framework only.
 */
export function deliveryTargets(pledge: Pick<Pledge, 'promises' | 'themes'> | null, value?: Nation): DeliveryTarget[] {
  if (!pledge) return [];
  const themes = new Map(pledge.themes.map((theme) => [theme.key, theme]));
  const promises = new Map(pledge.promises.map((promise) => [`promise-${promise.number}`, promise]));
  const principlesOf = (target: string, kind: 'promise' | 'theme'): PrincipleCode[] => {
    if (kind === 'theme') {
      const theme = themes.get(target.slice('theme-'.length));
      return theme ? themePrinciples(theme) : [];
    }
    const promise = promises.get(target);
    const theme = promise?.themeKey == null ? undefined : themes.get(promise.themeKey);
    return [...(promise?.principles ?? []), ...(theme ? themePrinciples(theme) : [])];
  };
  // What the progress page shows, and nothing else: the one rule is progressEntries.
  return progressEntries(pledge).map(({ target, kind, label }) => ({
    target,
    kind,
    label,
    principles: inFrameworkOrder(principlesOf(target, kind), value),
  }));
}
