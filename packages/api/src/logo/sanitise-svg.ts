import { SaxesParser, type SaxesTagNS } from 'saxes';
import {
  GRADIENTS,
  SVG_ELEMENTS,
  SVG_NAMESPACE,
  TEXT_ELEMENTS,
  XLINK_NAMESPACE,
  XML_NAMESPACE,
  cleanGradientReference,
  cleanValue,
  isAllowedAttribute,
} from './svg-allowlist.js';

export const SVG_MAX_DEPTH = 64;
export const SVG_MAX_ELEMENTS = 5000;

export type SanitisedSvg = { ok: true; svg: string; width: number | null; height: number | null } | { ok: false; message: string };

/** Raised inside the parser's handlers to stop reading at the first reason to refuse. */
class Refused extends Error {}

const NOT_XML = 'This SVG could not be read: it is not well-formed XML';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) =>
  escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** A length in user units (plain or `px`); anything relative or physical is not a size we can report. */
function readLength(value: string | undefined): number | null {
  const match = value === undefined ? null : /^\s*(\d*\.?\d+(?:e[+-]?\d+)?)\s*(px)?\s*$/i.exec(value);
  const length = match ? Number(match[1]) : NaN;
  return Number.isFinite(length) && length > 0 ? length : null;
}

function readViewBox(value: string | undefined): [number, number] | null {
  const parts = value
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts?.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [, , width, height] = parts as [number, number, number, number];
  return width > 0 && height > 0 ? [width, height] : null;
}

/** The attributes of one kept element, rebuilt from the allowlist and escaped, in source order. */
function keptAttributes(tag: SaxesTagNS): { written: string; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    let value: string | null = null;
    let name = attribute.local;
    if (attribute.uri === '' && isAllowedAttribute(attribute.local)) value = cleanValue(attribute.local, attribute.value);
    else if (GRADIENTS.has(tag.local) && attribute.local === 'href' && (attribute.uri === '' || attribute.uri === XLINK_NAMESPACE))
      value = cleanGradientReference(attribute.value);
    else if (attribute.uri === XML_NAMESPACE && attribute.local === 'space' && /^(default|preserve)$/.test(attribute.value)) {
      name = 'xml:space';
      value = attribute.value;
    }
    if (value !== null) values[name] = value;
  }
  const written = Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return { written, values };
}

/**
 * Reads an SVG strictly (XML with namespaces, one root, no entities of its own) and writes a new
 * document holding only the allowed elements, attributes and text, so nothing reaches the
 * output that this code did not write itself. Anything outside the allowlist is dropped with
 * everything inside it; comments, processing instructions and CDATA outside text go too.
 */
export function sanitiseSvg(source: string): SanitisedSvg {
  const parser = new SaxesParser({ xmlns: true, position: true, forceXMLVersion: true, defaultXMLVersion: '1.0' });
  const out: string[] = [];
  // For each open element: whether it is written out, and its local name.
  const open: { kept: boolean; name: string }[] = [];
  let elements = 0;
  let size: { width: number | null; height: number | null } = { width: null, height: null };

  parser.on('doctype', (doctype) => {
    // A DOCTYPE naming the SVG 1.1 DTD is harmless (never fetched, never written); an internal
    // subset is where entity declarations, and so entity-expansion bombs, live.
    if (doctype.includes('['))
      throw new Refused('This SVG declares its own entities in a DOCTYPE, which a logo may not do: save it again as plain SVG');
  });
  parser.on('opentag', (tag) => {
    elements += 1;
    if (elements > SVG_MAX_ELEMENTS)
      throw new Refused(`This SVG is too complex for a logo: it has more than ${SVG_MAX_ELEMENTS.toLocaleString('en-GB')} elements`);
    if (open.length >= SVG_MAX_DEPTH)
      throw new Refused(`This SVG is too complex for a logo: its elements are nested more than ${SVG_MAX_DEPTH} deep`);
    const root = open.length === 0;
    if (root && tag.local !== 'svg')
      throw new Refused(`This file is not an SVG image: its outermost element is <${tag.name.slice(0, 40)}>, not <svg>`);
    if (root && tag.uri !== SVG_NAMESPACE)
      throw new Refused(`This SVG is missing its namespace: its <svg> element needs xmlns="${SVG_NAMESPACE}"`);
    const parentKept = root || open[open.length - 1]!.kept;
    const kept = parentKept && tag.uri === SVG_NAMESPACE && SVG_ELEMENTS.has(tag.local);
    open.push({ kept, name: tag.local });
    if (!kept) return;
    const { written, values } = keptAttributes(tag);
    if (root) {
      const viewBox = readViewBox(values.viewBox);
      size = { width: readLength(values.width) ?? viewBox?.[0] ?? null, height: readLength(values.height) ?? viewBox?.[1] ?? null };
    }
    out.push(`<${tag.local}${root ? ` xmlns="${SVG_NAMESPACE}"` : ''}${written}${tag.isSelfClosing ? '/>' : '>'}`);
  });
  parser.on('closetag', (tag) => {
    const closed = open.pop();
    if (closed?.kept && !tag.isSelfClosing) out.push(`</${closed.name}>`);
  });
  const keepText = (text: string) => {
    const innermost = open[open.length - 1];
    if (innermost?.kept && TEXT_ELEMENTS.has(innermost.name)) out.push(escapeText(text));
  };
  parser.on('text', keepText);
  parser.on('cdata', keepText);

  try {
    parser.write(source.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    return { ok: false, message: `${NOT_XML} (the problem is on line ${parser.line})` };
  }
  return { ok: true, svg: out.join(''), ...size };
}
