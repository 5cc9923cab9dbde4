import type { PrincipleCode } from '@pledgekeeper/domain/council';
import type { PrincipleCoverage } from '@pledgekeeper/domain/compare';
import { principleTitle } from './labels';

export type SegmentKind = 'promises' | 'theme' | 'none';

export interface ChartSegment {
  kind: SegmentKind;
  x: number;
  width: number;
  value: number;
  /** Numbers are printed only where they fit; the table beside the chart has every one. */
  labelled: boolean;
}

export interface ChartBar {
  code: PrincipleCode;
  title: string;
  labelY: number;
  barY: number;
  segments: ChartSegment[];
}

// A narrow drawing, so that its text stays readable when a phone scales it down.
export const CHART_WIDTH = 400;
export const BAR_HEIGHT = 24;
const LEGEND_HEIGHT = 40;
const ROW_HEIGHT = 60;
const MIN_LABELLED_WIDTH = 26;

/** One stacked bar per principle: councils with promises, with a theme only, with nothing. */
export function coverageBars(coverage: readonly PrincipleCoverage[], councils: number): { bars: ChartBar[]; height: number } {
  const bars = coverage.map((row, index): ChartBar => {
    const top = LEGEND_HEIGHT + index * ROW_HEIGHT;
    let x = 0;
    const parts: [SegmentKind, number][] = [
      ['promises', row.councilsWithPromises],
      ['theme', row.councilsWithThemeOnly],
      ['none', row.councilsWithNothing],
    ];
    const segments = parts
      .filter(([, value]) => value > 0)
      .map(([kind, value]) => {
        const width = councils > 0 ? (value / councils) * CHART_WIDTH : 0;
        const segment = { kind, x, width, value, labelled: width >= MIN_LABELLED_WIDTH };
        x += width;
        return segment;
      });
    return { code: row.code, title: principleTitle(row.code), labelY: top + 18, barY: top + 26, segments };
  });
  return { bars, height: LEGEND_HEIGHT + coverage.length * ROW_HEIGHT };
}
