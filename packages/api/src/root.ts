import { councilRouter } from './router/council.js';
import { feedbackRouter } from './router/feedback.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  council: councilRouter,
  feedback: feedbackRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
