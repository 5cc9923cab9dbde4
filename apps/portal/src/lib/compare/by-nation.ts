import { NATIONS, type Nation } from '@pledgekeeper/domain/council';
import type { ComparedCouncil, MatrixFramework } from '@pledgekeeper/domain/compare';

export interface NationGroup {
  nation: Nation;
  /** The framework its councils are compared on; null where the nation has none (Northern Ireland). */
  framework: MatrixFramework | null;
  councils: ComparedCouncil[];
}

/**
 * The councils shown, as /compare shows them: one group per nation (so per framework), in the
 * order of NATIONS, each keeping the order asked for, skipping nations with no council shown.
 * Like with like: no table holds councils of two frameworks.
 */
export function byNation(councils: readonly ComparedCouncil[], frameworks: readonly MatrixFramework[]): NationGroup[] {
  return NATIONS.map((nation) => ({
    nation,
    framework: frameworks.find((framework) => framework.nation === nation) ?? null,
    councils: councils.filter((council) => council.nation === nation),
  })).filter((group) => group.councils.length > 0);
}
