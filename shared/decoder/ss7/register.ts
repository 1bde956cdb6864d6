import type { DispatchTables } from '../context.js';
/** Registers the ss7 layer handlers in the dispatch tables. */
export function registerSs7(_t: DispatchTables): void {}
