export { type ApiOptions, type ApiServer, startApi } from './api-server.js';
export { builtPortal, builtServer, repoRoot } from './built.js';
export { CHROMIUM_FLAGS, chromiumPath } from './chromium.js';
export { type Describe, describeEachDialect, hasPostgres } from './dialects.js';
export { type LogLine, logLines } from './log-lines.js';
export { freePort, freePorts } from './ports.js';
export { type TrpcAnswer, status, trpc, waitFor } from './probes.js';
export { type Service, type ServiceOptions, startService, stopAll, waitUntilReady } from './service.js';
export { type Stack, type StackOptions, startStack } from './stack.js';
