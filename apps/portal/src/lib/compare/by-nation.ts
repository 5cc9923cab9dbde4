import { NATIONS, type Nation } from '@pledgekeeper/domain/council';
import { type ComparedCouncil, comparedOnPrinciples } from '@pledgekeeper/domain/compare';

export interface NationGroup {
  nation: Nation;
  councils: ComparedCouncil[];
}

/**
 * The councils shown, split as /compare shows them: those compared on England's principles, and
 * the others by nation (in the order of NATIONS), each keeping the order asked for.
 */
export function byNation(councils: readonly ComparedCouncil[]): { onPrinciples: ComparedCouncil[]; others: NationGroup[] } {
  return {
    onPrinciples: councils.filter((council) => comparedOnPrinciples(council.nation)),
    others: NATIONS.filter((nation) => !comparedOnPrinciples(nation))
      .map((nation) => ({ nation, councils: councils.filter((council) => council.nation === nation) }))
      .filter((group) => group.councils.length > 0),
  };
}
