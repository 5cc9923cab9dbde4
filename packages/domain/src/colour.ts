import { z } from 'zod';

/**
 * A council's brand colour fills its header behind white text, so it must keep the WCAG 2.2
 * contrast of 4.5:1 (1.4.3, normal-size text) against white. When it does not, we suggest the
 * nearest colour of the same hue that does, so the editor keeps their identity and passes.
 */
export const BRAND_TEXT_COLOUR = '#ffffff';
export const MINIMUM_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/;

type Rgb = readonly [number, number, number];

const toRgb = (hex: string): Rgb => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as unknown as Rgb;
const toHex = (rgb: Rgb): string => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance, as WCAG defines it from sRGB. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Ratios are shown as people read them on contrast checkers: rounded down, one decimal. */
export const formatRatio = (ratio: number): string => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;

/**
 * The lightest shade of the colour (mixed towards black, so the hue stays) that reaches the
 * minimum contrast against white text. A colour that already passes is returned unchanged.
 */
export function passingShade(hex: string): string {
  if (contrastRatio(hex, BRAND_TEXT_COLOUR) >= MINIMUM_CONTRAST) return hex;
  const rgb = toRgb(hex);
  const shade = (keep: number) => toHex(rgb.map((channel) => channel * keep) as unknown as Rgb);
  // Contrast grows as `keep` falls, so a binary search finds the boundary; the result is then
  // checked after rounding to whole channel values, stepping darker until it truly passes.
  let [low, high] = [0, 1];
  for (let step = 0; step < 24; step += 1) {
    const middle = (low + high) / 2;
    if (contrastRatio(shade(middle), BRAND_TEXT_COLOUR) >= MINIMUM_CONTRAST) low = middle;
    else high = middle;
  }
  let keep = low;
  while (contrastRatio(shade(keep), BRAND_TEXT_COLOUR) < MINIMUM_CONTRAST) keep -= 0.005;
  return shade(Math.max(keep, 0));
}

export interface BrandColourCheck {
  ratio: number;
  passes: boolean;
  /** A passing colour of the same hue; equal to the colour when it passes already. */
  suggestion: string;
}

export function checkBrandColour(hex: string): BrandColourCheck {
  const ratio = contrastRatio(hex, BRAND_TEXT_COLOUR);
  return { ratio, passes: ratio >= MINIMUM_CONTRAST, suggestion: passingShade(hex) };
}

/** A colour as "#rrggbb"; "#RGB", upper case and spaces around are accepted and normalised. */
export const hexColour = z
  .string({ error: 'A colour must be text such as #1d70b8' })
  .trim()
  .toLowerCase()
  .transform((value) => (/^#[0-9a-f]{3}$/.test(value) ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value))
  .refine((value) => HEX.test(value), 'Enter the colour as a hex code of 6 digits, such as #1d70b8');

/** A brand colour: a valid hex code that white text can be read on. */
export const brandColour = hexColour.superRefine((value, context) => {
  if (!HEX.test(value)) return;
  const check = checkBrandColour(value);
  if (!check.passes) {
    context.addIssue({
      code: 'custom',
      message:
        `White text on ${value} has a contrast of ${formatRatio(check.ratio)}; it needs at least ${MINIMUM_CONTRAST}:1. ` +
        `Try ${check.suggestion}, a darker shade of the same colour (${formatRatio(contrastRatio(check.suggestion, BRAND_TEXT_COLOUR))}).`,
    });
  }
});
