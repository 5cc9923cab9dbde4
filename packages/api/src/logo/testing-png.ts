import { crc32, deflateSync } from 'node:zlib';
import { PNG_SIGNATURE } from './check-png.js';

/** One PNG chunk: length, type, data and checksum, as the format lays them out. */
export function pngChunk(type: string, data: Uint8Array | string = new Uint8Array()): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), typeof data === 'string' ? Buffer.from(data, 'latin1') : data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(body.length - 4, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

export function pngHeader(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 6, 0, 0, 0], 8); // 8 bits a sample, RGBA, deflate, no filter, not interlaced
  return pngChunk('IHDR', data);
}

type Rgba = [number, number, number, number];

/**
 * A small real PNG (RGBA, 8 bits), for tests and fixtures: each pixel from `paint`, with any
 * `extra` chunks placed between the header and the image data.
 */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => Rgba, extra: Buffer[] = []): Buffer {
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4); // each row starts with its filter byte: 0, none
    for (let x = 0; x < width; x++) rows.set(paint(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from(PNG_SIGNATURE),
    pngHeader(width, height),
    ...extra,
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND'),
  ]);
}
