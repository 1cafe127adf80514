/** Stand-ins for each recipient's own links, replaced as every message is built. */
export const UNSUBSCRIBE_URL = '%%unsubscribe_url%%';
export const PREFERENCES_URL = '%%preferences_url%%';
/** Where each digest recipient's own "From what you follow" goes, in the HTML part and in the text part. */
export const FOLLOWED_HTML = '%%followed_html%%';
export const FOLLOWED_TEXT = '%%followed_text%%';
