import { z } from 'zod';
import { NATIONS, type Nation, nation } from './nation.js';
import { NATION_FACTS, type NationalFramework } from './nations.js';
import { type PrincipleCode, principle, principleByCode } from './reference.js';

/**
 * The frameworks councils are compared on, one per nation that has one (Northern Ireland has
 * none), in the order of NATIONS. Like is compared with like: a council only ever with councils
 * of its own framework. No published source maps one framework's principles onto another's, so
 * Pledgekeeper maps none.
 */
export interface ComparedFramework extends NationalFramework {
  nation: Nation;
}

export const COMPARED_FRAMEWORKS: readonly ComparedFramework[] = NATIONS.flatMap((value) => {
  const framework = NATION_FACTS[value].framework;
  return framework ? [{ ...framework, nation: value }] : [];
});

const codes = COMPARED_FRAMEWORKS.map((framework) => framework.code) as [string, ...string[]];
export const frameworkCode = z.enum(codes, { error: () => `The framework must be one of ${codes.join(', ')}` });
export type FrameworkCode = z.infer<typeof frameworkCode>;

/** The framework a council of this nation is compared on; null in Northern Ireland. */
export const frameworkOfNation = (value: Nation): ComparedFramework | null =>
  COMPARED_FRAMEWORKS.find((framework) => framework.nation === value) ?? null;

export const frameworkByCode = (code: string): ComparedFramework | undefined =>
  COMPARED_FRAMEWORKS.find((framework) => framework.code === code);

/** Whether a council of this nation has principles to be compared on. */
export const comparedOnPrinciples = (value: Nation): boolean => frameworkOfNation(value) !== null;

/** A framework as the open data names it: where it comes from, and its principles in order. */
export const frameworkSummary = z.object({
  code: frameworkCode,
  /** "the corporate parenting principles". */
  name: z.string(),
  /** Where it comes from, as a citation. */
  source: z.string(),
  /** Set by law (England, Scotland), or signed up to by choice (Wales). */
  statutory: z.boolean(),
  nation,
  principles: z.array(principle),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const summaryOfFramework = (framework: ComparedFramework): FrameworkSummary => ({
  code: framework.code,
  name: framework.name,
  source: framework.source,
  statutory: framework.statutory,
  nation: framework.nation,
  principles: framework.principles.map((p) => ({ code: p.code as PrincipleCode, shortName: p.shortName, plainWords: p.plainWords })),
});

/** The frameworks of the nations given, in the order of NATIONS, each once. */
export const frameworksOf = (nations: Iterable<Nation>): ComparedFramework[] => {
  const present = new Set(nations);
  return COMPARED_FRAMEWORKS.filter((framework) => present.has(framework.nation));
};

/**
 * A principle's title in the words of its framework: England's Act and Scotland's section 58
 * letter theirs ("(a) Best interests and wellbeing"); the Welsh charter names its principles only.
 */
export function principleTitle(code: string): string {
  const found = principleByCode(code);
  if (!found) return code;
  const lettered = /^(cswa2017-1|cypsa2014-58)[a-z]$/.test(code);
  return lettered ? `(${code.slice(-1)}) ${found.shortName}` : found.shortName;
}

/** Why councils of different frameworks are never set against each other's principles. */
export const NO_MAPPING_BETWEEN_FRAMEWORKS =
  'Each nation has its own law or charter on corporate parenting. We know of no published source that says how one nation’s principles match another’s, so we do not match them up: each council is shown on its own nation’s principles only.';
