export {
  createDatabase,
  isPostgresUrl,
  type Database,
  type DatabaseHandle,
  type DialectName,
  type DatabaseHealth,
  type DatabaseLog,
  type DatabaseOptions,
} from './connection.js';
export { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailable, isDatabaseUnavailable } from './database-faults.js';
export { DatabaseFileProblem } from './sqlite-file.js';
export { migrateToLatest } from './migrate.js';
export {
  announcePublication,
  watchPublications,
  PUBLICATIONS_CHANNEL,
  type PublicationEvents,
  type PublicationWatch,
} from './publications.js';
export { editionCacheSizes } from './edition-caches.js';
export { councilScope, type ChangeActor, type CouncilScope, type PublishedPage } from './council-scope.js';
export { findCouncilBySlug, insertCouncil, listPublishedCouncils, type StoredCouncil } from './repositories/councils.js';
export { findPublishedEdition, insertEdition, type EditionRef } from './repositories/published-editions.js';
export { type LogoFile } from './repositories/logos.js';
export { readEdition } from './repositories/content-tables-read.js';
export { insertFeedback, insertMessage, listFeedback, markFeedback } from './repositories/feedback.js';
export { takeSubmission, SUBMISSION_LIMITS, type SubmissionForm } from './repositories/submissions.js';
export type { DatabaseSchema } from './schema.js';
export {
  findUserByEmail,
  findUserById,
  insertUser,
  updatePasswordHash,
  listMemberships,
  findRole,
  setRole,
  type StoredUser,
} from './repositories/users.js';
export {
  createSession,
  deleteSession,
  findSessionUser,
  hashToken,
  newToken,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './repositories/sessions.js';
export { recordAudit, recordSignIn, listAudit, type AuditRecord } from './repositories/audit.js';
export { peopleScope, type PeopleScope, type Member } from './people-scope.js';
export {
  insertInvitation,
  findLiveInvitation,
  markInvitationAccepted,
  listOpenInvitations,
  revokeInvitation,
  INVITATION_TTL_MS,
  type OpenInvitation,
  type LiveInvitation,
} from './repositories/invitations.js';
export {
  recordSignInAttempt,
  isSignInLimited,
  takeSignInAttempt,
  markSignInSucceeded,
  pruneSignInAttempts,
  SIGN_IN_WINDOW_MS,
  MAX_FAILURES_PER_EMAIL_AND_CLIENT,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_CLIENT,
} from './repositories/sign-in-attempts.js';
export { listAllCouncils, type CouncilOverview } from './repositories/councils-admin.js';
export type { WorkingEdition } from './repositories/working-edition.js';
export { workspaceScope, type WorkspaceScope } from './workspace-scope.js';
export { progressScope, type ProgressScope } from './progress-scope.js';
export { listNewestPublishedProgress, type PublishedProgressRef } from './repositories/progress-editions.js';
export { publishedProgressContent } from './progress-cache.js';
export {
  listNewestPublished,
  listPublishedContents,
  readPublishedContents,
  type NewestPublished,
  type PublishedCouncilContent,
} from './published-contents.js';
export { wordingScope, type WordingScope, type ConfirmedWording } from './wording-scope.js';
