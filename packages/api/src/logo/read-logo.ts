import { type LogoType, logoTooLarge } from '@pledgekeeper/domain/council';
import { checkPng, startsLikePng } from './check-png.js';
import { sanitiseSvg } from './sanitise-svg.js';

// The limits and the size message are the domain's, so the portal's form and this check agree.
export { LOGO_MAX_BYTES, LOGO_TYPES, type LogoType } from '@pledgekeeper/domain/council';

export type ReadLogo =
  { ok: true; type: LogoType; bytes: Uint8Array; width: number | null; height: number | null } | { ok: false; message: string };

// What a file is, read from its first bytes: for telling people what they chose, never for trust.
const OTHER_FILES: [(start: string) => boolean, string][] = [
  [(start) => start.startsWith('\xff\xd8\xff'), 'a JPEG image'],
  [(start) => start.startsWith('GIF87a') || start.startsWith('GIF89a'), 'a GIF image'],
  [(start) => start.startsWith('RIFF') && start.slice(8, 12) === 'WEBP', 'a WebP image'],
  [(start) => start.startsWith('II*\0') || start.startsWith('MM\0*'), 'a TIFF image'],
  [(start) => start.startsWith('%PDF-'), 'a PDF document'],
  [(start) => start.startsWith('PK\x03\x04'), 'a compressed (zip) file, such as a Word or PowerPoint document'],
];

type Sniffed = { type: LogoType } | { type: null; what: string };

function sniff(bytes: Uint8Array): Sniffed {
  if (startsLikePng(bytes)) return { type: 'image/png' };
  const start = String.fromCharCode(...bytes.subarray(0, 16));
  for (const [matches, what] of OTHER_FILES) if (matches(start)) return { type: null, what };
  // Text that opens like markup and has an <svg element somewhere is an SVG to check; the
  // sanitiser then insists the whole file is XML with <svg> at its root.
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/^\uFEFF?\s*</.test(text) && /<([\w.-]+:)?svg[\s>/]/.test(text)) return { type: 'image/svg+xml' };
  return { type: null, what: 'neither' };
}

const describe = (type: string) =>
  type === 'image/svg+xml'
    ? 'an SVG image'
    : type === 'image/png'
      ? 'a PNG image'
      : type === 'image/jpeg'
        ? 'a JPEG image'
        : `of type "${type.slice(0, 60)}"`;

/** The declared type without parameters; an empty or generic one declares nothing. */
function declared(declaredType: string): string | null {
  const type = declaredType.split(';')[0]!.trim().toLowerCase();
  return type === '' || type === 'application/octet-stream' ? null : type;
}

/**
 * Checks an uploaded logo and returns the bytes to store: a rebuilt PNG or a rebuilt SVG, never
 * the upload itself. The type comes from the content; a declared type (the browser's guess from
 * the file name) must agree with it, and an absent or generic one is ignored.
 */
export function readLogo(declaredType: string, bytes: Uint8Array): ReadLogo {
  if (bytes.length === 0) return { ok: false, message: 'The logo is empty: choose a file' };
  const tooLarge = logoTooLarge(bytes.length);
  if (tooLarge !== null) return { ok: false, message: tooLarge };
  const sniffed = sniff(bytes);
  if (sniffed.type === null) return { ok: false, message: `The logo must be an SVG or PNG image; this file is ${sniffed.what}` };
  const claimed = declared(declaredType);
  if (claimed !== null && claimed !== sniffed.type)
    return {
      ok: false,
      message: `This file says it is ${describe(claimed)} but it is ${describe(sniffed.type)}: save it with the right ending (.svg or .png) and choose it again`,
    };

  if (sniffed.type === 'image/png') {
    const png = checkPng(bytes);
    return png.ok ? { ok: true, type: 'image/png', bytes: png.bytes, width: png.width, height: png.height } : png;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'This SVG could not be read: it is not saved as UTF-8 text' };
  }
  const svg = sanitiseSvg(text);
  if (!svg.ok) return svg;
  return { ok: true, type: 'image/svg+xml', bytes: new TextEncoder().encode(svg.svg), width: svg.width, height: svg.height };
}
