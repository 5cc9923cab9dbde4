import { noBranding, withPledgeDefaults } from '@pledgekeeper/domain/council';
import { type EditionContent } from '@pledgekeeper/domain/workspace';
import { fromJson } from '../json.js';

/**
 * An edition's content from its JSON column. Editions saved before a field existed lack it, so
 * they are given today's defaults: no plain words, no theme principles, nothing turned down,
 * nothing suggested, no board member stated as absent, no address for a way to get involved.
 */
export function contentFromJson(text: string): EditionContent {
  const content = fromJson<EditionContent>(text);
  return {
    ...content,
    // Every stored edition was given its branding when branding became part of one.
    branding: content.branding ?? noBranding(),
    pledge: content.pledge ? withPledgeDefaults(content.pledge) : content.pledge,
    board: content.board ? { ...content.board, notMembers: content.board.notMembers ?? [] } : content.board,
    involvement: content.involvement
      ? {
          ...content.involvement,
          opportunities: content.involvement.opportunities.map((opportunity) => ({ ...opportunity, url: opportunity.url ?? null })),
        }
      : content.involvement,
  };
}
