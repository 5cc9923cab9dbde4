import { crc32 } from 'node:zlib';

/** The eight bytes every PNG file begins with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const PNG_MAX_SIDE = 4000;

export type CheckedPng = { ok: true; bytes: Uint8Array; width: number; height: number } | { ok: false; message: string };

/**
 * The chunks a logo keeps: the image itself, its palette and transparency, and the colour and
 * pixel-size hints that change how it looks. Text, dates, Exif (which can hold a location),
 * embedded ICC profiles, animation and private chunks are dropped.
 */
const KEPT: ReadonlySet<string> = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'cHRM', 'sRGB', 'pHYs']);

// Bit depths each colour type allows (PNG specification, IHDR).
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

const damaged = (why: string): CheckedPng => ({ ok: false, message: `This PNG is damaged: ${why}` });
const TRUNCATED = damaged('it ends part-way through; it may not have finished saving or uploading');

export function startsLikePng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * Walks a PNG chunk by chunk, checking each length and checksum, the header's values and the
 * order the format requires, then writes a new file from the kept chunks only. Anything after
 * the end chunk is dropped. The image data is not decoded: the checksums prove it arrived as
 * it was saved, and the browser decodes it.
 */
export function checkPng(bytes: Uint8Array): CheckedPng {
  if (!startsLikePng(bytes)) return damaged('it does not begin the way every PNG file does');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE.length)];
  let offset = PNG_SIGNATURE.length;
  let header: { width: number; height: number; colourType: number } | null = null;
  let sawPalette = false;
  let sawData = false;
  let ended = false;

  while (!ended) {
    if (offset + 12 > bytes.length) return TRUNCATED;
    const length = view.getUint32(offset);
    if (length > 0x7fffffff) return damaged('one of its parts claims an impossible length');
    const end = offset + 12 + length;
    if (end > bytes.length) return TRUNCATED;
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    if (!typeBytes.every((b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122))) return damaged('one of its parts has an invalid name');
    const type = String.fromCharCode(...typeBytes);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length))
      return damaged(`one of its parts (${type}) does not match its checksum`);

    if (header === null) {
      if (type !== 'IHDR' || length !== 13) return damaged('it does not begin with an image header');
      const width = view.getUint32(offset + 8);
      const height = view.getUint32(offset + 12);
      const [depth = 0, colourType = 0, compression, filter, interlace] = data.subarray(8);
      const valid = DEPTHS[colourType]?.includes(depth) && compression === 0 && filter === 0 && (interlace === 0 || interlace === 1);
      if (!valid || width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
        return damaged('its image header is not valid');
      if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) {
        const most = PNG_MAX_SIDE.toLocaleString('en-GB');
        const actual = `${width.toLocaleString('en-GB')} × ${height.toLocaleString('en-GB')}`;
        return { ok: false, message: `The logo must be at most ${most} pixels wide and ${most} high; this image is ${actual} pixels` };
      }
      header = { width, height, colourType };
    } else if (type === 'IHDR') return damaged('it has more than one image header');
    else if (type === 'PLTE') {
      if (sawData || sawPalette || length === 0 || length % 3 !== 0 || length > 768) return damaged('its colour palette is not valid');
      sawPalette = true;
    } else if (type === 'IDAT') sawData = true;
    else if (type === 'IEND') ended = true;

    if (KEPT.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
  }

  if (!header || !sawData) return damaged('it has no image data');
  if (header.colourType === 3 && !sawPalette) return damaged('it has no colour palette, which its image needs');
  const rebuilt = new Uint8Array(kept.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of kept) {
    rebuilt.set(part, at);
    at += part.length;
  }
  return { ok: true, bytes: rebuilt, width: header.width, height: header.height };
}
