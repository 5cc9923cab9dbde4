import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { createCaller } from '../root.js';
import { signInActors } from '../testing/actors.js';
import { rejection } from '../testing/rejection.js';
import { createContext } from '../trpc.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const base64 = (text: string) => Buffer.from(text).toString('base64');
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#00594f"/></svg>';
const HOSTILE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" onload="alert(1)"><script>alert(2)</script>' +
  '<rect width="120" height="40" fill="#00594f"/><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject></svg>';

describeEachDialect(describe, 'branding through review on %s', (dialect) => {
  let t: TestDatabase;
  let tokens: Awaited<ReturnType<typeof signInActors>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = await signInActors(t.db, 'somerset', 'worcestershire', NOW);
  });
  afterEach(() => t.destroy());
  const as = (who: keyof typeof tokens) => createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens[who] }));
  const logoRows = () => t.db.selectFrom('logos').selectAll().execute();

  async function draftBranding(branding: Record<string, unknown>) {
    const draft = await as('editorA').workspace.draft({ council: 'somerset' });
    return as('editorA').workspace.saveSection({
      council: 'somerset',
      section: 'branding',
      revision: draft.revisions.branding ?? 0,
      content: { brandColour: null, brandName: null, brandLogo: null, ...branding },
    });
  }

  it("keeps an editor's new colour, name and logo off the public page until a publisher publishes them", async () => {
    const logo = await as('editorA').branding.uploadLogo({ council: 'somerset', type: 'image/svg+xml', data: base64(LOGO) });
    expect(logo).toMatchObject({ type: 'image/svg+xml', width: 120, height: 40 });
    const brandLogo = { id: logo.id, type: logo.type, alt: 'Somerset Council' };
    await draftBranding({ brandColour: '#00594F', brandName: 'Somerset', brandLogo });

    // Nothing public has changed: not the page, not the list, not the logo's address.
    const before = await as('anonymous').council.page({ council: 'somerset' });
    expect(before.council).toMatchObject({ brandColour: null, brandName: null, brandLogo: null });
    await rejection(as('anonymous').council.logo({ council: 'somerset', id: logo.id }), 'NOT_FOUND');
    // The council's own people see it in the preview and can fetch the file.
    expect((await as('editorA').workspace.preview({ council: 'somerset' })).council).toMatchObject({ brandColour: '#00594f', brandLogo });
    expect((await as('editorA').branding.logo({ council: 'somerset', id: logo.id })).type).toBe('image/svg+xml');
    // The overview's diff names the change in words.
    await as('editorA').workspace.submitForReview({ council: 'somerset' });
    const changes = await as('publisherA').workspace.diff({ council: 'somerset', from: 1, to: 2 });
    expect(changes.map(({ section, label, before, after }) => [section, label, before, after])).toEqual([
      ['branding', 'Colour of the header', null, '#00594f'],
      ['branding', 'Name in the header', null, 'Somerset'],
      ['branding', 'Logo', null, `Somerset Council (SVG file ${logo.id.slice(0, 8)})`],
    ]);

    await as('publisherA').workspace.publish({ council: 'somerset' });
    const after = await as('anonymous').council.page({ council: 'somerset' });
    expect(after.council).toMatchObject({ brandColour: '#00594f', brandName: 'Somerset', brandLogo });
    const served = await as('anonymous').council.logo({ council: 'somerset', id: logo.id });
    expect(Buffer.from(served.data, 'base64').toString()).toContain('<rect');
    // The workspace's own header reads the council's row, which now holds the published branding.
    expect((await as('editorA').workspace.overview({ council: 'somerset' })).council.brandColour).toBe('#00594f');
    // Worcestershire is untouched.
    expect((await as('anonymous').council.page({ council: 'worcestershire' })).council.brandColour).toBeNull();
  });

  it('refuses a colour white text cannot be read on, suggesting one that can, and saves nothing', async () => {
    const error = await rejection(draftBranding({ brandColour: '#ffdd00' }), 'BAD_REQUEST');
    expect(error.message).toMatch(/White text on #ffdd00 has a contrast of 1\.\d:1; it needs at least 4\.5:1\. Try #[0-9a-f]{6}/);
    expect((await as('editorA').workspace.draft({ council: 'somerset' })).content.branding?.brandColour ?? null).toBeNull();
  });

  it('stores a hostile SVG only as drawing: no script, no handler, no foreign content', async () => {
    const logo = await as('editorA').branding.uploadLogo({ council: 'somerset', type: 'image/svg+xml', data: base64(HOSTILE) });
    const stored = Buffer.from((await as('editorA').branding.logo({ council: 'somerset', id: logo.id })).data, 'base64').toString();
    expect(stored).toContain('<rect');
    expect(stored).not.toMatch(/script|onload|foreignObject|alert/i);
    // Named by its stored bytes, so the id says which file the page shows.
    expect(logo.id).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it.each([
    ['an oversized file', 'image/png', Buffer.alloc(300 * 1024, 1).toString('base64'), /at most 100 KB; this file is 300 KB/],
    ['a file that is not an image', 'image/png', base64('just some text'), /SVG or PNG/],
    ['a PNG that says it is an SVG', 'image/svg+xml', base64('\x89PNG\r\n\x1a\n'), /./],
    [
      'an SVG with an entity bomb',
      'image/svg+xml',
      base64('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'),
      /./,
    ],
  ])('refuses %s with a clear message and stores nothing', async (_, type, data, message) => {
    const error = await rejection(as('editorA').branding.uploadLogo({ council: 'somerset', type, data }), 'BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await logoRows()).toEqual([]);
  });

  it("never lets one council show or fetch another council's logo", async () => {
    const logo = await as('editorA').branding.uploadLogo({ council: 'somerset', type: 'image/svg+xml', data: base64(LOGO) });
    await rejection(as('publisherB').branding.logo({ council: 'worcestershire', id: logo.id }), 'NOT_FOUND');
    const draft = await as('publisherB').workspace.draft({ council: 'worcestershire' });
    const error = await rejection(
      as('publisherB').workspace.saveSection({
        council: 'worcestershire',
        section: 'branding',
        revision: draft.revisions.branding ?? 0,
        content: { brandColour: null, brandName: null, brandLogo: { id: logo.id, type: logo.type, alt: 'Not ours' } },
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toBe('That logo is not one of this council’s uploads: choose the file again');
    await rejection(as('anonymous').council.logo({ council: 'worcestershire', id: logo.id }), 'NOT_FOUND');
  });

  it('requires words for the logo', async () => {
    const logo = await as('editorA').branding.uploadLogo({ council: 'somerset', type: 'image/svg+xml', data: base64(LOGO) });
    const error = await rejection(draftBranding({ brandLogo: { id: logo.id, type: logo.type, alt: '  ' } }), 'BAD_REQUEST');
    expect(error.message).toMatch(/Describe the logo/);
  });
});
