import type { DispatchTables } from '../context.js';
/** Network family registers nothing in the message tables: it produces transport PDUs (see ./index.ts). */
export function registerNet(_t: DispatchTables): void {}
