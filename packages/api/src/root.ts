import { accountRouter } from './router/account.js';
import { adminRouter } from './router/admin.js';
import { authRouter } from './router/auth.js';
import { brandingRouter } from './router/branding.js';
import { compareRouter } from './router/compare.js';
import { councilRouter } from './router/council.js';
import { feedbackRouter } from './router/feedback.js';
import { peopleRouter } from './router/people.js';
import { progressRouter } from './router/progress.js';
import { workspaceRouter } from './router/workspace.js';
import { wordingRouter } from './router/wording.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  council: councilRouter,
  feedback: feedbackRouter,
  auth: authRouter,
  account: accountRouter,
  admin: adminRouter,
  people: peopleRouter,
  workspace: workspaceRouter,
  branding: brandingRouter,
  compare: compareRouter,
  progress: progressRouter,
  wording: wordingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
