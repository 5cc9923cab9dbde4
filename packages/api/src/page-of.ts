import {
  type Council,
  type CouncilPage,
  LOCAL_OFFER_AREAS,
  type PledgeStatus,
  logoType,
  principlesOf,
  publicPromises,
} from '@pledgekeeper/domain/council';
import type { LogoFile } from '@pledgekeeper/db';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import { z } from 'zod';

/**
 * A council's page in the public page's shape, from one edition's content: the published page,
 * or the draft as publishing would make it (the preview). How it looks is the edition's own, like
 * everything else on it.
 */
export function pageOf(
  council: Council,
  content: EditionContent,
  edition: { version: number; status: PledgeStatus; publishedAt: string | null },
): CouncilPage {
  return {
    council: { ...council, ...content.branding },
    ...content,
    // Suggestions the editors turned down are theirs alone: the public sees only what was chosen.
    pledge: content.pledge
      ? {
          ...content.pledge,
          promises: publicPromises(content.pledge.promises),
          version: edition.version,
          status: edition.status,
          publishedAt: edition.publishedAt,
        }
      : null,
    // The principles of the council's own nation, the only ones its promises can be linked to.
    principles: [...principlesOf(council.nation)],
    localOfferAreas: [...LOCAL_OFFER_AREAS],
  };
}

/** A stored logo as the API answers with it: its type and its bytes as base64. */
export const logoAnswer = z.object({ type: logoType, data: z.string() });
export const answerWithLogo = (logo: LogoFile): z.infer<typeof logoAnswer> => ({
  type: logo.type,
  data: Buffer.from(logo.bytes).toString('base64'),
});
