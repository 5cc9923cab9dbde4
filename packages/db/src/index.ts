export { createDatabase, isPostgresUrl, type Database, type DatabaseHandle, type DialectName } from './connection.js';
export { migrateToLatest } from './migrate.js';
export { councilScope, type CouncilScope, type PublishedPage } from './council-scope.js';
export { findCouncilBySlug, insertCouncil, listPublishedCouncils, type StoredCouncil } from './repositories/councils.js';
export { findPublishedEdition, insertEdition, readEdition, type EditionContent, type EditionRef } from './repositories/editions.js';
export { insertFeedback, listFeedback } from './repositories/feedback.js';
export type { DatabaseSchema } from './schema.js';
