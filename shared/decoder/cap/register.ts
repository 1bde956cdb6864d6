import type { DispatchTables } from '../context.js';
import { capUser } from './decode.js';

/** Registers the CAMEL (CAP) component user in TCAP's 'tcap.user' table. */
export function registerCap(t: DispatchTables): void {
  t.register('tcap.user', 'camel', capUser);
}
