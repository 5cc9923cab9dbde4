import { TRPCError } from '@trpc/server';
import { WorkflowRefusal } from '@pledgekeeper/db';
import type { SectionConflictDetail } from '@pledgekeeper/domain';

export const SECTION_CONFLICT_MESSAGE =
  'Someone else saved this section while you were editing it. Their version is shown; your text is kept below it.';

/**
 * The cause of a CONFLICT on saving a section: the section as the other person saved it. The
 * error formatter sends it to the client as `error.data.conflict`, so the portal can show both.
 */
export class SectionConflict extends Error {
  constructor(readonly detail: SectionConflictDetail) {
    super(SECTION_CONFLICT_MESSAGE);
    this.name = 'SectionConflict';
  }
}

export const sectionConflictError = (detail: SectionConflictDetail): TRPCError =>
  new TRPCError({ code: 'CONFLICT', message: SECTION_CONFLICT_MESSAGE, cause: new SectionConflict(detail) });

/** Runs a workflow step, turning a refusal into the API error of the same name. */
export async function refusalsAsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkflowRefusal) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}
