export { appRouter, createCaller, type AppRouter } from './root.js';
export { createContext, type Context } from './trpc.js';
export { ARGON2_PARAMETERS, argon2Hasher, passwordHasher, type Argon2Parameters, type PasswordHasher } from './passwords.js';
export { createMailer, readMailSettings, type MailLog, type MailSettings, type Mailer } from './mail/index.js';
