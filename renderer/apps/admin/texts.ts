// The admin app's dictionaries: Spanish is the reference, English has the same keys.
export { es } from './texts-es.js';
export { en } from './texts-en.js';
