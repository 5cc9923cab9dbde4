import type { MeetingAccess, MeetingAttendance } from '@pledgekeeper/domain/progress';
import { membershipInWords } from '$lib/council-page';
import { formatDay } from '$lib/progress/labels';

export const ACCESS_LABELS: Record<MeetingAccess, string> = {
  public: 'In public: anyone could come',
  private: 'In private',
};

/** "Elected members (5), young people (3)": who came, by kind; a number only where the council gave one. */
export function attendanceInWords(attendance: readonly MeetingAttendance[]): string {
  return attendance
    .map(({ kind, count }, index) => {
      const words = membershipInWords([kind]);
      const named = index === 0 ? words : words.toLowerCase();
      return count === null ? named : `${named} (${count})`;
    })
    .join(', ');
}

/** What the report covers: the whole calendar year, or the year so far. */
export function periodInWords(period: { from: string; to: string; complete: boolean }, madeOn: string): string {
  return period.complete
    ? `${formatDay(period.from)} to ${formatDay(period.to)}`
    : `${formatDay(period.from)} to ${formatDay(madeOn)}, so far`;
}
