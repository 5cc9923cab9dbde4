// One definition, in the db package's test support, shared with the stack's users.
export { type Describe, describeEachDialect, hasPostgres } from '@pledgekeeper/db/testing';
