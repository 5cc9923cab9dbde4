import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const routesDirectory = fileURLToPath(new URL('../../src/routes/', import.meta.url));

export interface PortalAction {
  /** The route as its folder names it, such as "/[council]/manage/people". */
  route: string;
  /** The action's name; "default" for a form posting to the page itself. */
  name: string;
}

async function serverFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return serverFiles(path);
      return Promise.resolve(entry.name === '+page.server.ts' ? [path] : []);
    }),
  );
  return nested.flat();
}

/** Every form action the portal has, found by loading its route modules: none can be missed. */
export async function portalActions(): Promise<PortalAction[]> {
  const found: PortalAction[] = [];
  for (const file of (await serverFiles(routesDirectory)).sort()) {
    const module = (await import(pathToFileURL(file).href)) as { actions?: Record<string, unknown> };
    const folder = relative(routesDirectory, join(file, '..')).split(sep).filter(Boolean).join('/');
    for (const name of Object.keys(module.actions ?? {})) found.push({ route: `/${folder}`, name });
  }
  return found;
}

/** The address to post an action to, with route parameters filled in. */
export function actionUrl(action: PortalAction, params: Record<string, string>): string {
  const path = action.route.replace(/\[(?:\.\.\.)?([a-z]+)(?:=[a-z]+)?\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${action.route}`);
    return value;
  });
  return action.name === 'default' ? path : `${path}?/${action.name}`;
}

// Open to anyone by design: reading and feedback, signing in and out, accepting an invitation by its token.
export const PUBLIC = new Set([
  '/[council]#feedback',
  '/[council]#message',
  '/sign-in#signIn',
  '/sign-out#default',
  '/invitations/[token]#accept',
]);
export const actionKey = (action: PortalAction) => `${action.route}#${action.name}`;
export const isWorkspace = (action: PortalAction) => action.route.startsWith('/[council]/manage');
export const isAdmin = (action: PortalAction) => action.route === '/admin';
/** A signed-in person's own settings: each acts on the session's own account, whoever posts it. */
export const isAccount = (action: PortalAction) => action.route.startsWith('/account/');
/** Plausible values for every field any workspace form has, so each action reaches the API. */
export const HOSTILE_FORM = {
  revision: '0',
  command: 'save',
  comment: 'No',
  email: 'intruder@example.org',
  role: 'publisher',
  invitationId: '1',
  summary: 'Hijacked',
  title: 'Hijacked',
  name: 'Hijacked',
  audiences: 'carers',
  slug: 'hijacked',
  kind: 'county',
  nation: 'england',
  council: 'somerset',
  brandColour: '#003366',
  brandName: 'Hijacked',
  id: '00000000-0000-4000-8000-000000000000',
  status: 'answered',
  // Board meetings and "you said, we did": a whole meeting or entry, so each form reaches the API.
  key: 'meeting-1',
  'date-day': '4',
  'date-month': '3',
  'date-year': '2026',
  access: 'public',
  source: 'messages',
  youSaid: 'Hijacked',
  weDid: 'Hijacked',
  decisions: 'Hijacked',
};

/** The actions of the board meetings and "you said, we did" workspace pages, each refused to other councils' people. */
export const BOARD_WORKSPACE_ACTIONS = [
  '/[council]/manage/board-meetings#addMeeting',
  '/[council]/manage/board-meetings#removeMeeting',
  '/[council]/manage/you-said-we-did#add',
];
