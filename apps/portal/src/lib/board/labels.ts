import type { BoardMemberKind } from '@pledgekeeper/domain/council';
import type { MeetingAttendance } from '@pledgekeeper/domain/progress';
import { inWords } from '$lib/council-page';

// One and many, so "1 young person" and "3 young people" both read right.
const MEMBERS: Record<BoardMemberKind, [string, string]> = {
  'elected-members': ['elected member', 'elected members'],
  officers: ['council officer', 'council officers'],
  'partner-agencies': ['person from a partner agency', 'people from partner agencies'],
  'young-people': ['young person', 'young people'],
  carers: ['carer', 'carers'],
};

/** "5 elected members, 1 young person and council officers": a count only where the council gave one. */
export const attendanceInWords = (attendance: readonly MeetingAttendance[]): string =>
  inWords(
    attendance.map(({ kind, count }) =>
      count === null ? MEMBERS[kind][1] : `${count} ${count === 1 ? MEMBERS[kind][0] : MEMBERS[kind][1]}`,
    ),
  );
