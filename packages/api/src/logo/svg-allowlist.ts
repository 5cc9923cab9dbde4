/**
 * What a council's logo may keep of an SVG: enough to draw shapes, gradients and text, nothing
 * that can run code, fetch anything or animate itself into doing either.
 *
 * Left out on purpose:
 * - `script`, `foreignObject`, `iframe`, `a`, `image`: code, HTML or outside content.
 * - `animate*`, `set`: they can change any attribute after sanitising, `href` included.
 * - `style` elements and attributes: CSS can fetch (`@import`, `url()`) and is too rich to check
 *   safely here; presentation attributes (`fill="…"`) do the same job for a logo.
 * - `use`, `symbol`: references that nest can multiply into millions of shapes and hang a browser.
 * - `filter`, `mask`, `pattern`, `marker`: heavy or rarely in logos; their references are dropped too.
 * - `class`: with no CSS left it does nothing.
 */

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'title',
  'desc',
]);

/** The elements whose text is part of the picture (or its accessible name). */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['text', 'tspan', 'title', 'desc']);

/** Gradients may inherit stops from another gradient of this file, by `#id` only. */
export const GRADIENTS: ReadonlySet<string> = new Set(['linearGradient', 'radialGradient']);

const ATTRIBUTES: ReadonlySet<string> = new Set([
  // Root and nested `svg`.
  'viewBox',
  'preserveAspectRatio',
  // Geometry.
  'x',
  'y',
  'width',
  'height',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'x1',
  'y1',
  'x2',
  'y2',
  'd',
  'points',
  'transform',
  'pathLength',
  // Text.
  'dx',
  'dy',
  'rotate',
  'textLength',
  'lengthAdjust',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'font-stretch',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'baseline-shift',
  'letter-spacing',
  'word-spacing',
  'text-decoration',
  'writing-mode',
  'direction',
  // Painting.
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'color',
  'display',
  'visibility',
  'overflow',
  'paint-order',
  'vector-effect',
  'shape-rendering',
  'text-rendering',
  'clip-path',
  'clip-rule',
  // Gradients and clip paths.
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'fx',
  'fy',
  'fr',
  'offset',
  'stop-color',
  'stop-opacity',
  'clipPathUnits',
  // Naming, so `url(#id)` can point somewhere.
  'id',
]);

export const isAllowedAttribute = (name: string) => ATTRIBUTES.has(name);

const ID = /^[A-Za-z_][\w.-]{0,99}$/;
const FRAGMENT = /^#([A-Za-z_][\w.-]{0,99})$/;
const URL_REFERENCE = /^url\(\s*(['"]?)#([A-Za-z_][\w.-]{0,99})\1\s*\)(\s+[#\w]+)?$/;
// The CSS functions a colour or a transform needs; any other (image-set(), var(), expression()…) goes.
const FUNCTIONS: ReadonlySet<string> = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'matrix', 'translate', 'scale', 'rotate', 'skewx', 'skewy']);
// Schemes that run or smuggle content, looked for with spaces and control characters removed,
// as a browser removes them when it reads a URL.
const SCHEMES = /(javascript|vbscript|data|livescript):/i;

/**
 * The value an allowed attribute may keep, or null to drop the attribute. Presentation
 * attributes are read as CSS, so a backslash (a CSS escape) could hide `url(`: never kept.
 */
export function cleanValue(name: string, raw: string): string | null {
  const value = raw.trim();
  if (value.length > 50_000) return null;
  if (/[\\<>]/.test(value)) return null;
  if (SCHEMES.test(Array.from(value, (c) => (c > ' ' ? c : '')).join(''))) return null;
  if (name === 'id') return ID.test(value) ? value : null;
  const functions = [...value.matchAll(/([A-Za-z-]+)\s*\(/g)].map((m) => m[1]!.toLowerCase());
  if (functions.includes('url')) {
    const reference = URL_REFERENCE.exec(value);
    if (!reference || functions.length !== 1) return null;
    return `url(#${reference[2]})${reference[3] ?? ''}`;
  }
  if (functions.some((f) => !FUNCTIONS.has(f))) return null;
  return value;
}

/** A gradient's `href` (plain or xlink), kept only as a `#id` inside this file. */
export function cleanGradientReference(raw: string): string | null {
  const fragment = FRAGMENT.exec(raw.trim());
  return fragment ? `#${fragment[1]}` : null;
}
