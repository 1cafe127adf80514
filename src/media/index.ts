export { MediaService, MAX_UPLOAD_BYTES, mediaText } from './media.service.js';
export type { PreparedMedia, Upload } from './media.service.js';
export { FilesystemStorage } from './storage.js';
export type { MediaStorage } from './storage.js';
export { RESPONSIVE_WIDTHS, MAX_PIXELS } from './image.js';
export type { MediaItem, Variant, Responsive } from './media.types.js';
