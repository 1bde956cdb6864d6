import type { DispatchTables } from '../context.js';
/** Registers the tcap layer handlers in the dispatch tables. */
export function registerTcap(_t: DispatchTables): void {}
