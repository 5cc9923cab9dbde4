export { createMailer, type Email, type MailLog, type Mailer } from './mailer.js';
export { notifications, type Notifications } from './notifications.js';
export { readMailSettings, type MailSettings } from './settings.js';
