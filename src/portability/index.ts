// What the site needs of moving in: old addresses of imported sites. Importers load on demand
// (see the command line), so serving pages never loads them.
export { findOldAddress } from './old-address.repository.js';
export { oldAddressKey, namesOldItem } from './old-address.js';
