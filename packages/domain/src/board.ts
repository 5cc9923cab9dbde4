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

export const board = z
  .object({
    name: plainText(200),
    abbreviation: plainText(20).nullable().default(null),
    purpose: paragraphs(),
    cadence: boardCadence.nullable().default(null),
    /** Who sits on it, by kind; the council's own description stays in `membershipText`. */
    membership: z.array(boardMemberKind).max(BOARD_MEMBER_KINDS.length).default([]),
    /**
     * Who the council says does not sit on it. A kind in neither list is one the council has not
     * stated, which pages show as "Not stated", never as "No".
     */
    notMembers: z.array(boardMemberKind).max(BOARD_MEMBER_KINDS.length).default([]).optional(),
    membershipText: plainText(600).nullable().default(null),
    /** A link the council names; without an address it is shown only as something its page mentions. */
    moreInfo: z
      .object({ text: plainText(300), url: httpUrl.nullable().default(null) })
      .nullable()
      .default(null),
  })
  .refine((value) => !(value.notMembers ?? []).some((kind) => value.membership.includes(kind)), {
    message: 'A kind of member cannot both sit on the board and not sit on it',
    path: ['notMembers'],
  });
export type Board = z.infer<typeof board>;

/** What the council states about one kind of member: on the board, not on it, or nothing (null). */
export type MemberStatement = 'yes' | 'no' | null;
export function memberStatement(value: Pick<Board, 'membership' | 'notMembers'>, kind: BoardMemberKind): MemberStatement {
  if (value.membership.includes(kind)) return 'yes';
  if ((value.notMembers ?? []).includes(kind)) return 'no';
  return null;
}
