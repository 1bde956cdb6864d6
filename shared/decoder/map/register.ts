import type { DispatchTables } from '../context.js';
import { mapUserAt } from './decode.js';

/** Registers the GSM MAP component user in TCAP's 'tcap.user' table. */
export function registerMap(t: DispatchTables): void {
  t.registerRange('tcap.user', 'gsm_map', mapUserAt);
}
