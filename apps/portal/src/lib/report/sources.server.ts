import { error } from '@sveltejs/kit';
import { type ProgressContent, reportYear, youSaidWeDidEntries } from '@pledgekeeper/domain/progress';
import { type Api, pageFailure } from '$lib/server/api';
import { loadCouncilPage } from '$lib/server/council-page';
import { onlyApiFailures } from '$lib/server/failures';
import { progressEntries } from '$lib/progress/view';

/**
 * What the annual report and "you said, we did" are made from: the council's published page (for
 * the promises' names and words) and its published progress. A 404 for an unknown council.
 */
export async function loadReportSources(api: Api, council: string) {
  const [{ page, brand }, published] = await Promise.all([
    loadCouncilPage(api, council),
    api.progress.published.query({ council }).catch((cause: unknown) => {
      onlyApiFailures(cause);
      const failure = pageFailure(cause);
      error(failure.status, failure.message);
    }),
  ]);
  return { page, brand, targets: progressEntries(page.pledge), published };
}

/** The year in the address, or a 404 before the API is asked anything: /report/abcd and /report/1850 are no reports. */
export function yearOr404(text: string, now: Date): number {
  const year = reportYear(text, now);
  if (year === null) error(404, 'We could not find a report for this year.');
  return year;
}

/** Published progress for the council's page, or null when it cannot be read: the page matters more, and shows without it. */
export async function progressOrNull(api: Api, council: string): Promise<ProgressContent | null> {
  try {
    return (await api.progress.published.query({ council })).content;
  } catch (cause) {
    onlyApiFailures(cause);
    return null;
  }
}

/** The latest few published "you said, we did" entries, named against the published pledge. */
export const latestYouSaid = (content: ProgressContent | null, pledge: Parameters<typeof progressEntries>[0], count = 3) =>
  content ? youSaidWeDidEntries(content, progressEntries(pledge)).slice(0, count) : [];
