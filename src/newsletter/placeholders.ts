/** Stand-ins for each recipient's own links, replaced as every message is built. */
export const UNSUBSCRIBE_URL = '%%unsubscribe_url%%';
export const PREFERENCES_URL = '%%preferences_url%%';
