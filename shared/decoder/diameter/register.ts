import type { DispatchTables } from '../context.js';
/** Registers the diameter layer handlers in the dispatch tables. */
export function registerDiameter(_t: DispatchTables): void {}
