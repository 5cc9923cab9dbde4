import { error } from '@sveltejs/kit';
import { type Api, apiUnavailable } from '$lib/server/api';
import { onlyApiFailures } from '$lib/server/failures';
import { deliveryQueryFrom } from './delivery';

// As the matrix: the page and the downloads read the same way, so a download holds what the page showed.
const UNAVAILABLE = 'Comparisons are not available right now. Please try again in a few minutes.';

function unavailable(cause: unknown): never {
  onlyApiFailures(cause);
  error(apiUnavailable(cause) ? 503 : 502, UNAVAILABLE);
}

/** Each council's delivery and the figures per principle, for the councils the filters keep. */
export const loadDelivery = (api: Api, params: URLSearchParams) => api.compare.delivery.query(deliveryQueryFrom(params)).catch(unavailable);

/** The same with every promise, for the downloads. */
export const loadCompareProgress = (api: Api, params: URLSearchParams) =>
  api.compare.progress.query(deliveryQueryFrom(params)).catch(unavailable);
