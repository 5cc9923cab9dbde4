import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { sanitiseSvg } from './sanitise-svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const logo = (inner: string, attributes = '') => `<svg ${NS} ${XLINK} viewBox="0 0 120 40"${attributes}>${inner}</svg>`;

/** The sanitised document, which must itself be well-formed XML that sanitises to itself. */
function clean(source: string): string {
  const result = sanitiseSvg(source);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  expect(sanitiseSvg(result.svg)).toEqual(result);
  return result.svg;
}

/** Every element of a document with its attributes, as a browser would see them. */
function elementsOf(svg: string): { name: string; uri: string; attributes: Record<string, string> }[] {
  const found: { name: string; uri: string; attributes: Record<string, string> }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    found.push({ name: tag.local, uri: tag.uri, attributes });
  });
  parser.write(svg).close();
  return found;
}
const names = (svg: string) => elementsOf(svg).map((e) => e.name);
const refusal = (source: string) => {
  const result = sanitiseSvg(source);
  return result.ok ? `kept: ${result.svg}` : result.message;
};

describe('a benign logo', () => {
  const source = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<svg ${NS} width="120" height="40" viewBox="0 0 120 40" preserveAspectRatio="xMidYMid meet">
  <title>Testshire Council</title>
  <desc>A green hill under a sun</desc>
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d70b8"/>
      <stop offset="1" stop-color="rgb(255, 255, 255)" stop-opacity="0.5"/>
    </linearGradient>
    <clipPath id="frame"><rect width="120" height="40" rx="4"/></clipPath>
  </defs>
  <g clip-path="url(#frame)" transform="translate(0 0) scale(1)">
    <rect width="120" height="40" fill="url(#sky)"/>
    <path d="M0 40 Q30 10 60 30 T120 40 Z" fill="#00703c" stroke="#0b0c0c" stroke-width="1.5"/>
    <circle cx="95" cy="12" r="7" fill="#ffdd00"/>
  </g>
  <text x="6" y="34" font-family="'Helvetica Neue', Arial, sans-serif" font-size="10" xml:space="preserve">Testshire <tspan font-weight="bold">&amp; Co</tspan></text>
</svg>`;

  it('keeps every element, gradient reference and drawing attribute', () => {
    const svg = clean(source);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"')).toBe(true);
    expect(names(svg)).toEqual([
      'svg',
      'title',
      'desc',
      'defs',
      'linearGradient',
      'stop',
      'stop',
      'clipPath',
      'rect',
      'g',
      'rect',
      'path',
      'circle',
      'text',
      'tspan',
    ]);
    const byName = (name: string) => elementsOf(svg).filter((e) => e.name === name);
    expect(byName('rect')[1]!.attributes).toEqual({ width: '120', height: '40', fill: 'url(#sky)' });
    expect(byName('g')[0]!.attributes['clip-path']).toBe('url(#frame)');
    expect(byName('path')[0]!.attributes).toMatchObject({ d: 'M0 40 Q30 10 60 30 T120 40 Z', fill: '#00703c', 'stroke-width': '1.5' });
    expect(byName('stop')[1]!.attributes['stop-color']).toBe('rgb(255, 255, 255)');
    expect(byName('text')[0]!.attributes).toMatchObject({ 'font-family': "'Helvetica Neue', Arial, sans-serif", 'xml:space': 'preserve' });
    expect(svg).toContain('<title>Testshire Council</title>');
    expect(svg).toContain('Testshire <tspan font-weight="bold">&amp; Co</tspan></text>');
  });

  it('reports its size from width and height, else from the viewBox', () => {
    expect(sanitiseSvg(source)).toMatchObject({ width: 120, height: 40 });
    expect(sanitiseSvg(`<svg ${NS} viewBox="0,0,300,100"/>`)).toMatchObject({ width: 300, height: 100 });
    expect(sanitiseSvg(`<svg ${NS} width="100%" height="50px" viewBox="0 0 300 100"/>`)).toMatchObject({ width: 300, height: 50 });
    expect(sanitiseSvg(`<svg ${NS}/>`)).toMatchObject({ ok: true, width: null, height: null });
  });

  it('keeps a gradient that inherits its stops from another in the same file', () => {
    const svg = clean(logo(`<linearGradient id="a"><stop offset="0"/></linearGradient><linearGradient id="b" xlink:href="#a"/>`));
    expect(elementsOf(svg)[3]!.attributes).toEqual({ id: 'b', href: '#a' });
  });
});

describe('a hostile SVG', () => {
  // Each case: the file, and what must not be in what is kept (element names, or text anywhere).
  const cases: [string, string, string[]][] = [
    ['a script element', logo('<script>alert(1)</script><rect width="1"/>'), ['script', 'alert']],
    ['a script in CDATA', logo('<script><![CDATA[ alert(1) ]]></script>'), ['script', 'alert', 'CDATA']],
    [
      'event handlers',
      `<svg ${NS} onload="alert(1)"><rect onclick="alert(2)" onmouseover="alert(3)"/></svg>`,
      ['onload', 'onclick', 'alert'],
    ],
    ['a javascript: link', logo('<a href="javascript:alert(1)"><rect width="9"/></a>'), ['<a', 'javascript', 'alert']],
    [
      'an xlink:href to another site',
      logo('<a xlink:href="https://evil.example/"><text>x</text></a><rect xlink:href="https://evil.example/"/>'),
      ['evil', 'href'],
    ],
    [
      'HTML in a foreignObject',
      logo(
        '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/><p>hi</p></body></foreignObject>',
      ),
      ['foreignObject', 'body', 'iframe', 'evil', 'hi'],
    ],
    [
      'animations that rewrite href',
      logo(
        '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(2)"/><rect/></a>',
      ),
      ['set', 'animate', 'javascript', 'alert'],
    ],
    ['an animateTransform', logo('<rect><animateTransform attributeName="transform" type="rotate"/><animateMotion/></rect>'), ['animate']],
    [
      'a use of another site',
      logo('<use href="https://evil.example/sprite.svg#logo"/><use xlink:href="#x"/><symbol id="x"/>'),
      ['use', 'symbol', 'evil'],
    ],
    ['an image from data:', logo('<image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0Lz48L3N2Zz4="/>'), ['image', 'data:']],
    ['an image from another site', logo('<image xlink:href="https://evil.example/track.png" width="1"/>'), ['image', 'evil']],
    [
      'a style element',
      logo('<style>@import url(https://evil.example/x.css); rect { fill: red }</style><rect/>'),
      ['style', 'import', 'evil'],
    ],
    ['a style attribute', logo('<rect style="background:url(https://evil.example/x)" width="5"/>'), ['style', 'evil']],
    [
      'url() pointing away',
      logo(
        `<rect fill="url(https://evil.example/x)"/><rect stroke="url('https://evil.example/y')"/><rect fill="u\\72l(https://evil.example/z)"/>`,
      ),
      ['evil', 'fill', 'stroke'],
    ],
    [
      'other CSS functions',
      logo('<rect fill="image-set(&quot;https://evil.example/a&quot; 1x)" font-family="var(--x)"/>'),
      ['evil', 'fill', 'var('],
    ],
    ['javascript: in any attribute', logo('<text font-family="java&#x09;script:alert(1)" id="javascript:x">a</text>'), ['script', 'alert']],
    [
      'a processing instruction',
      `<?xml-stylesheet href="https://evil.example/x.css"?>${logo('<?php echo 1 ?><rect/>')}`,
      ['evil', 'php', '<?'],
    ],
    ['a comment hiding markup', logo('<!-- <script>alert(1)</script> --><rect/>'), ['script', 'alert', '<!--']],
    [
      'upper- and mixed-case tricks',
      logo('<SCRIPT>alert(1)</SCRIPT><Script>alert(2)</Script><foreignobject>x</foreignobject>'),
      ['SCRIPT', 'Script', 'alert', 'foreign'],
    ],
    [
      'elements of other namespaces',
      logo(
        '<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script><x:rect xmlns:x="https://evil.example/ns"/><svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(2)</svg:script>',
      ),
      ['script', 'alert', 'evil', 'html'],
    ],
    [
      'markup smuggled as text',
      logo('<text>&lt;script&gt;alert(1)&lt;/script&gt;</text><text font-family="&quot;&gt;&lt;script&gt;">b</text>'),
      ['<script'],
    ],
  ];

  it.each(cases)('loses %s', (_what, source, gone) => {
    const svg = clean(source);
    for (const part of gone) expect(svg).not.toContain(part);
    for (const element of elementsOf(svg)) expect(element.uri).toBe('http://www.w3.org/2000/svg');
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg"`)).toBe(true);
  });

  it('keeps the harmless parts around what it removes', () => {
    expect(names(clean(logo('<script>alert(1)</script><rect width="1"/>')))).toEqual(['svg', 'rect']);
    expect(clean(logo('<rect style="fill:red" fill="blue"/>'))).toContain('<rect fill="blue"/>');
    expect(clean(logo('<text>&lt;script&gt;</text>'))).toContain('<text>&lt;script&gt;</text>');
    expect(clean(logo('<text><![CDATA[a < b & c]]></text>'))).toContain('<text>a &lt; b &amp; c</text>');
  });

  it('refuses entity declarations, so an entity bomb never expands', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg ${NS}><text>&c;</text></svg>`;
    expect(refusal(bomb)).toBe('This SVG declares its own entities in a DOCTYPE, which a logo may not do: save it again as plain SVG');
    expect(refusal(logo('<text>&xxe;</text>'))).toBe('This SVG could not be read: it is not well-formed XML (the problem is on line 1)');
  });

  it('reads the usual SVG 1.1 DOCTYPE, which declares nothing, and leaves it out', () => {
    const svg = clean(
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${logo('<rect/>')}`,
    );
    expect(svg).not.toContain('DOCTYPE');
    expect(names(svg)).toEqual(['svg', 'rect']);
  });

  it('refuses nesting deeper than 64 and more than 5,000 elements', () => {
    const nested = (depth: number) => logo('<g>'.repeat(depth) + '</g>'.repeat(depth));
    expect(names(clean(nested(63)))).toHaveLength(64);
    expect(refusal(nested(64))).toBe('This SVG is too complex for a logo: its elements are nested more than 64 deep');
    expect(refusal(nested(100_000))).toBe('This SVG is too complex for a logo: its elements are nested more than 64 deep');
    expect(refusal(logo('<rect/>'.repeat(4999)))).toMatch(/^kept/);
    expect(refusal(logo('<rect/>'.repeat(5000)))).toBe('This SVG is too complex for a logo: it has more than 5,000 elements');
  });

  it('refuses what is not an SVG document', () => {
    expect(refusal('<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>')).toBe(
      'This file is not an SVG image: its outermost element is <html>, not <svg>',
    );
    expect(refusal('<svg width="10"/>')).toBe(
      'This SVG is missing its namespace: its <svg> element needs xmlns="http://www.w3.org/2000/svg"',
    );
    expect(refusal(`<svg ${NS}>\n<rect>\n</svg>`)).toBe('This SVG could not be read: it is not well-formed XML (the problem is on line 3)');
    expect(refusal(`<svg ${NS}/><svg ${NS}/>`)).toMatch(/^This SVG could not be read: it is not well-formed XML/);
    expect(refusal('')).toMatch(/^This SVG could not be read: it is not well-formed XML/);
  });
});
