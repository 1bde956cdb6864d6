/** Diameter attacker identity (origin host/realm) for S6a scenarios. */
import type { Instance } from '../labels.js';
import type { Sp } from '../world.js';
import type { Attacker } from './common.js';

export function diaOrigin(a: Attacker, node: Sp | undefined, inst: Instance): { host: string; realm: string } {
  const n = node ?? a.net.dras[0]!;
  const o = { host: n.host!, realm: n.net.realm };
  inst.host = o.host;
  inst.realm = o.realm;
  // Diameter has no point codes: the attacker is identified by Origin-Host/Realm only.
  inst.pc = null;
  return o;
}
