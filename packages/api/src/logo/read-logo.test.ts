import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, LOGO_TYPES, readLogo } from './read-logo.js';
import { encodePng, pngChunk } from './testing-png.js';

const svgText = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" onload="alert(1)"><rect width="120" height="40" fill="#1d70b8"/></svg>`;
const svg = new TextEncoder().encode(svgText);
const png = encodePng(120, 40, (x) => (x < 60 ? [0, 112, 60, 255] : [255, 255, 255, 0]));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const message = (declaredType: string, bytes: Uint8Array) => {
  const result = readLogo(declaredType, bytes);
  return result.ok ? `kept as ${result.type}` : result.message;
};

describe('reading an uploaded logo', () => {
  it('offers SVG and PNG, up to 100 KB', () => {
    expect(LOGO_TYPES).toEqual(['image/svg+xml', 'image/png']);
    expect(LOGO_MAX_BYTES).toBe(102_400);
  });

  it('keeps an SVG as a rebuilt SVG, without its script, with its size', () => {
    const result = readLogo('image/svg+xml', svg);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ type: 'image/svg+xml', width: 120, height: 40 });
    expect(text(result.bytes)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#1d70b8"/></svg>',
    );
  });

  it('keeps a PNG as a rebuilt PNG, without its text, with its size', () => {
    const withText = encodePng(120, 40, (x) => (x < 60 ? [0, 112, 60, 255] : [255, 255, 255, 0]), [pngChunk('tEXt', 'Comment\0secret')]);
    const result = readLogo('image/png', withText);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ type: 'image/png', width: 120, height: 40 });
    expect(Buffer.from(result.bytes).equals(png)).toBe(true);
  });

  it('decides the type from the content, and refuses a declared type that disagrees', () => {
    expect(message('image/png', svg)).toBe(
      'This file says it is a PNG image but it is an SVG image: save it with the right ending (.svg or .png) and choose it again',
    );
    expect(message('image/svg+xml', png)).toBe(
      'This file says it is an SVG image but it is a PNG image: save it with the right ending (.svg or .png) and choose it again',
    );
    expect(message('text/xml', svg)).toBe(
      'This file says it is of type "text/xml" but it is an SVG image: save it with the right ending (.svg or .png) and choose it again',
    );
    // A browser that cannot tell sends nothing or a generic type: the content decides.
    expect(message('', png)).toBe('kept as image/png');
    expect(message('application/octet-stream', svg)).toBe('kept as image/svg+xml');
    expect(message('IMAGE/SVG+XML; charset=utf-8', svg)).toBe('kept as image/svg+xml');
  });

  it('refuses other kinds of file, saying what they are when it can tell', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
    expect(message('image/png', jpeg)).toBe('The logo must be an SVG or PNG image; this file is a JPEG image');
    expect(message('image/gif', new TextEncoder().encode('GIF89a\x01\x00'))).toBe(
      'The logo must be an SVG or PNG image; this file is a GIF image',
    );
    expect(message('application/pdf', new TextEncoder().encode('%PDF-1.7\n'))).toBe(
      'The logo must be an SVG or PNG image; this file is a PDF document',
    );
    expect(message('image/svg+xml', new TextEncoder().encode('Testshire Council logo'))).toBe(
      'The logo must be an SVG or PNG image; this file is neither',
    );
    expect(message('text/html', new TextEncoder().encode('<!doctype html><p>Our logo</p>'))).toBe(
      'The logo must be an SVG or PNG image; this file is neither',
    );
    expect(message('image/png', png.subarray(1))).toBe('The logo must be an SVG or PNG image; this file is neither');
  });

  it('passes on why an SVG or PNG could not be used', () => {
    expect(message('image/svg+xml', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toBe(
      'This SVG could not be read: it is not well-formed XML (the problem is on line 1)',
    );
    expect(message('image/svg+xml', Uint8Array.from([...svg.subarray(0, 60), 0xff, ...svg.subarray(60)]))).toBe(
      'This SVG could not be read: it is not saved as UTF-8 text',
    );
    expect(message('image/png', png.subarray(0, 100))).toBe(
      'This PNG is damaged: it ends part-way through; it may not have finished saving or uploading',
    );
  });

  it('refuses an empty file', () => {
    expect(message('image/png', new Uint8Array())).toBe('The logo is empty: choose a file');
  });

  it('refuses a file over 100 KB, saying how large it is', () => {
    const padded = (size: number) =>
      new TextEncoder().encode(svgText.replace('</svg>', `<!--${'x'.repeat(size - svg.length - 7)}--></svg>`));
    expect(padded(LOGO_MAX_BYTES)).toHaveLength(LOGO_MAX_BYTES);
    expect(message('image/svg+xml', padded(LOGO_MAX_BYTES))).toBe('kept as image/svg+xml');
    expect(message('image/svg+xml', padded(LOGO_MAX_BYTES + 1))).toBe('The logo must be at most 100 KB; this file is 101 KB');
    expect(message('image/png', new Uint8Array(2_500_000))).toBe('The logo must be at most 100 KB; this file is 2.4 MB');
  });

  it("keeps the drawing of the browser tests' hostile logo and nothing that could run", () => {
    const fixture = (name: string) => readFileSync(new URL(`../../../../apps/portal/tests/e2e/fixtures/${name}`, import.meta.url));
    const hostile = readLogo('image/svg+xml', fixture('hostile-logo.svg'));
    if (!hostile.ok) throw new Error(hostile.message);
    const kept = text(hostile.bytes);
    for (const drawn of ['<circle', '<path', 'fill="url(#panel)"', '>Testshire</text>']) expect(kept).toContain(drawn);
    for (const gone of ['script', 'onload', 'onclick', 'image', 'javascript', 'foreignObject', 'INJECTED', 'evil', 'style', 'href']) {
      expect(kept).not.toContain(gone);
    }
    expect(readLogo('image/png', fixture('logo.png'))).toMatchObject({ ok: true, width: 120, height: 40 });
  });
});
