export { SettingsService } from './settings.service.js';
export { siteSettingsSchema, timezone } from './settings.schema.js';
export type { SiteSettings } from './settings.schema.js';
export { readAllSettings, writeSetting } from './settings.repository.js';
export { readSetting } from './settings.repository.js';
