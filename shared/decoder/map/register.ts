import type { DispatchTables } from '../context.js';
import { mapUser } from './decode.js';

/** Registers the GSM MAP component user in TCAP's 'tcap.user' table. */
export function registerMap(t: DispatchTables): void {
  t.register('tcap.user', 'gsm_map', mapUser);
}
