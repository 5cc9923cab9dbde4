import { loadMatrix } from '$lib/compare/load.server';
import { deliveryRow } from './delivery';
import { loadDelivery } from './delivery.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const [matrix, delivery] = await Promise.all([loadMatrix(locals.api, url.searchParams), loadDelivery(locals.api, url.searchParams)]);
  const { councils, ...figures } = delivery;
  return { ...matrix, delivery: { ...figures, shown: councils.length, rows: councils.map(deliveryRow) } };
};
