import { error } from '@sveltejs/kit';
import type { Api } from '$lib/server/api';
import { pageFailure } from '$lib/server/api';
import { loadCouncilPage } from '$lib/server/council-page';
import { onlyApiFailures } from '$lib/server/failures';
import { progressEntries } from './view';

/** A council's published progress and what it can be recorded against, for the downloads: a 404 for an unknown council. */
export async function loadPublishedProgress(api: Api, council: string) {
  const [{ page }, published] = await Promise.all([
    loadCouncilPage(api, council),
    api.progress.published.query({ council }).catch((cause: unknown) => {
      onlyApiFailures(cause);
      const failure = pageFailure(cause);
      error(failure.status, failure.message);
    }),
  ]);
  const targets = progressEntries(page.pledge).map(({ target, label }) => ({ target, label }));
  return { slug: page.council.slug, targets, published };
}
