import { z } from 'zod';

/** The four nations of the UK: each has its own law on children in care, and its own help. */
export const NATIONS = ['england', 'scotland', 'wales', 'northern-ireland'] as const;
export const nation = z.enum(NATIONS);
export type Nation = z.infer<typeof nation>;
