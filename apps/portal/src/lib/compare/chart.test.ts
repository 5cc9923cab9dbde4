import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, coverageBars } from './chart';
import { cellText } from './labels';

describe('the coverage chart', () => {
  it('splits each bar by the share of councils, leaving out empty parts and labelling what fits', () => {
    const { bars, height } = coverageBars(
      [
        { code: 'cswa2017-1a', councilsWithPromises: 3, councilsWithThemeOnly: 0, councilsWithNothing: 1, promises: 9 },
        { code: 'cswa2017-1b', councilsWithPromises: 0, councilsWithThemeOnly: 1, councilsWithNothing: 3, promises: 0 },
      ],
      4,
    );
    expect(bars.map((bar) => bar.title)).toEqual(['(a) Best interests and wellbeing', '(b) Express views']);
    expect(bars[0]!.segments).toEqual([
      { kind: 'promises', x: 0, width: CHART_WIDTH * 0.75, value: 3, labelled: true },
      { kind: 'none', x: CHART_WIDTH * 0.75, width: CHART_WIDTH * 0.25, value: 1, labelled: true },
    ]);
    expect(bars[1]!.segments.map((s) => s.kind)).toEqual(['theme', 'none']);
    expect(bars[1]!.barY).toBeGreaterThan(bars[0]!.barY);
    expect(height).toBeGreaterThan(bars[1]!.barY);
  });

  it('labels no sliver too narrow to hold a number', () => {
    const { bars } = coverageBars(
      [{ code: 'cswa2017-1a', councilsWithPromises: 149, councilsWithThemeOnly: 0, councilsWithNothing: 1, promises: 400 }],
      150,
    );
    expect(bars[0]!.segments.map((s) => s.labelled)).toEqual([true, false]);
  });
});

describe('a cell of the matrix', () => {
  it('says what covers the principle in words, and "none" for a gap', () => {
    expect(cellText({ code: 'cswa2017-1a', promises: 3, themes: 0 })).toEqual({ coverage: 'promises', text: '3' });
    expect(cellText({ code: 'cswa2017-1a', promises: 2, themes: 1 })).toEqual({ coverage: 'promises', text: '2 + theme' });
    expect(cellText({ code: 'cswa2017-1a', promises: 0, themes: 2 })).toEqual({ coverage: 'theme', text: '2 themes' });
    expect(cellText({ code: 'cswa2017-1a', promises: 0, themes: 0 })).toEqual({ coverage: 'none', text: 'none' });
  });
});
