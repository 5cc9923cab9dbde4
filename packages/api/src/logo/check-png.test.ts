import { describe, expect, it } from 'vitest';
import { checkPng } from './check-png.js';
import { encodePng, pngChunk, pngHeader } from './testing-png.js';

const stripes = (x: number, y: number): [number, number, number, number] => (x % 4 < 2 ? [29, 112, 184, 255] : [255, 221, y * 10, 128]);
const tiny = encodePng(12, 5, stripes);

/** The chunk types of a PNG in order, read plainly (no checks), to see what a file holds. */
function chunkTypes(png: Uint8Array): string[] {
  const buffer = Buffer.from(png);
  const types: string[] = [];
  for (let at = 8; at + 8 <= buffer.length; at += 12 + buffer.readUInt32BE(at)) types.push(buffer.toString('latin1', at + 4, at + 8));
  return types;
}

const message = (png: Uint8Array) => {
  const result = checkPng(png);
  return result.ok ? 'kept' : result.message;
};

describe('a PNG logo', () => {
  it('keeps a real PNG as it is, with its size', () => {
    const result = checkPng(tiny);
    expect(result).toMatchObject({ ok: true, width: 12, height: 5 });
    expect(Buffer.from(result.ok ? result.bytes : []).equals(tiny)).toBe(true);
  });

  it('keeps the pixels and drops text, Exif and other metadata', () => {
    const metadata = [
      pngChunk('tEXt', 'Author\0Jo Bloggs, 12 Home Street'),
      pngChunk('iTXt', 'Comment\0\0\0en\0\0<script>alert(1)</script>'),
      pngChunk('zTXt', Buffer.concat([Buffer.from('Software\0\0'), Buffer.from([0x78, 0x9c, 3, 0, 0, 0, 0, 1])])),
      pngChunk('eXIf', 'MM\0*GPS 52.19 -2.22'),
      pngChunk('tIME', Buffer.from([7, 234, 1, 1, 0, 0, 0])),
      pngChunk('iCCP', 'profile\0\0xx'),
      pngChunk('pHYs', Buffer.from([0, 0, 11, 19, 0, 0, 11, 19, 1])),
    ];
    const result = checkPng(encodePng(12, 5, stripes, metadata));
    if (!result.ok) throw new Error(result.message);
    expect(chunkTypes(result.bytes)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const text = Buffer.from(result.bytes).toString('latin1');
    for (const gone of ['Jo Bloggs', 'script', 'GPS', 'Software', 'profile']) expect(text).not.toContain(gone);
    // The same picture, byte for byte, with only the pixel-size hint beside it.
    expect(Buffer.from(result.bytes).equals(encodePng(12, 5, stripes, [metadata[6]!]))).toBe(true);
  });

  it('drops anything after the end of the image', () => {
    const result = checkPng(Buffer.concat([tiny, Buffer.from('<script>alert(1)</script>'), pngChunk('tEXt', 'x\0y')]));
    expect(result.ok && Buffer.from(result.bytes).equals(tiny)).toBe(true);
  });

  it('refuses a file damaged on the way', () => {
    const badChecksum = Buffer.from(tiny);
    badChecksum[50] = badChecksum[50]! ^ 0xff; // a byte of the image data
    expect(message(badChecksum)).toBe('This PNG is damaged: one of its parts (IDAT) does not match its checksum');
    const cutShort = 'This PNG is damaged: it ends part-way through; it may not have finished saving or uploading';
    expect(message(tiny.subarray(0, tiny.length - 12))).toBe(cutShort);
    expect(message(tiny.subarray(0, 40))).toBe(cutShort);
    expect(message(tiny.subarray(0, 8))).toBe(cutShort);
  });

  it('refuses a file that is not laid out like a PNG', () => {
    const wrongStart = Buffer.from(tiny);
    wrongStart[1] = 0x51;
    expect(message(wrongStart)).toBe('This PNG is damaged: it does not begin the way every PNG file does');
    const [signature, header, rest] = [tiny.subarray(0, 8), tiny.subarray(8, 33), tiny.subarray(33)];
    expect(message(Buffer.concat([signature, pngChunk('tEXt', 'a\0b'), header, rest]))).toBe(
      'This PNG is damaged: it does not begin with an image header',
    );
    expect(message(Buffer.concat([signature, header, header, rest]))).toBe('This PNG is damaged: it has more than one image header');
    expect(message(Buffer.concat([signature, header, pngChunk('IEND')]))).toBe('This PNG is damaged: it has no image data');
    const badName = Buffer.concat([signature, header, pngChunk('ID4T', 'x'), rest]);
    expect(message(badName)).toBe('This PNG is damaged: one of its parts has an invalid name');
    const sixteenBitPalette = Buffer.from(header);
    sixteenBitPalette.set([16, 3], 16);
    sixteenBitPalette.writeUInt32BE(pngChunk('IHDR', sixteenBitPalette.subarray(8, 21)).readUInt32BE(21), 21);
    expect(message(Buffer.concat([signature, sixteenBitPalette, rest]))).toBe('This PNG is damaged: its image header is not valid');
  });

  it('refuses an image larger than 4,000 pixels a side, saying how large it is', () => {
    const data = pngChunk('IDAT', Buffer.from([0x78, 0x9c, 3, 0, 0, 0, 0, 1]));
    const huge = (width: number, height: number) => Buffer.concat([tiny.subarray(0, 8), pngHeader(width, height), data, pngChunk('IEND')]);
    expect(message(huge(5000, 300))).toBe('The logo must be at most 4,000 pixels wide and 4,000 high; this image is 5,000 × 300 pixels');
    expect(message(huge(100, 100_000))).toBe(
      'The logo must be at most 4,000 pixels wide and 4,000 high; this image is 100 × 100,000 pixels',
    );
    expect(message(huge(4000, 4000))).toBe('kept');
  });
});
