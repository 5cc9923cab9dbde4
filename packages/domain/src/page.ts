import { z } from 'zod';
import { board } from './board.js';
import { contact, council } from './council.js';
import { eventOffer, involvement, trainingOffer } from './involvement.js';
import { pledge, pledgeContent } from './pledge.js';
import { localOfferArea, principle } from './reference.js';
import { statement } from './statement.js';

/**
 * Everything a council publishes about corporate parenting. A seed data file is exactly this,
 * so a new council is a new file and nothing else.
 */
export const councilContent = z.object({
  council,
  statement,
  pledge: pledgeContent.nullable().default(null),
  board: board.nullable().default(null),
  involvement: involvement.nullable().default(null),
  training: z.array(trainingOffer).max(20).default([]),
  events: z.array(eventOffer).max(20).default([]),
  contacts: z.array(contact).max(20).default([]),
});
export type CouncilContent = z.infer<typeof councilContent>;
export type CouncilContentInput = z.input<typeof councilContent>;

export const councilSummary = council.extend({
  pledgeTitle: z.string().nullable(),
  promiseCount: z.number().int().min(0),
  themeCount: z.number().int().min(0),
});
export type CouncilSummary = z.infer<typeof councilSummary>;

/** The public page model: the published content and the reference data it is read against. */
export const councilPage = councilContent.extend({
  pledge: pledge.nullable(),
  principles: z.array(principle),
  localOfferAreas: z.array(localOfferArea),
});
export type CouncilPage = z.infer<typeof councilPage>;
