import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder: this file is `packages/stack/{src,dist}/built.*`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

// The built artefacts, not packages imported: the servers run as processes of their own.
function built(relative: string): string {
  const file = join(repoRoot, relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  return file;
}

export const builtServer = () => built('apps/server/dist/main.js');
// serve.js runs the built app (build/handler.js) behind the store of public pages.
export const builtPortal = () => (built('apps/portal/build/handler.js'), built('apps/portal/serve.js'));
