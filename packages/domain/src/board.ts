import { z } from 'zod';
import { httpUrl, paragraphs, plainText } from './text.js';

export const BOARD_MEMBER_KINDS = ['elected-members', 'officers', 'partner-agencies', 'young-people', 'carers'] as const;
export const boardMemberKind = z.enum(BOARD_MEMBER_KINDS);
export type BoardMemberKind = z.infer<typeof boardMemberKind>;

/** How often the board meets: every N months, or N times a year. */
export const boardCadence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('every-n-months'), months: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('times-per-year'), times: z.number().int().min(1).max(52) }),
]);
export type BoardCadence = z.infer<typeof boardCadence>;

export const board = z.object({
  name: plainText(200),
  abbreviation: plainText(20).nullable().default(null),
  purpose: paragraphs(),
  cadence: boardCadence.nullable().default(null),
  /** Who sits on it, by kind; the council's own description stays in `membershipText`. */
  membership: z.array(boardMemberKind).max(BOARD_MEMBER_KINDS.length).default([]),
  membershipText: plainText(600).nullable().default(null),
  moreInfo: z
    .object({ text: plainText(300), url: httpUrl.nullable().default(null) })
    .nullable()
    .default(null),
});
export type Board = z.infer<typeof board>;
