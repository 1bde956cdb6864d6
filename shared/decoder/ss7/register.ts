import type { DispatchTables } from '../context.js';
import { m3uaAt } from './m3ua.js';
import { m2ua, m2pa } from './m2.js';
import { sua } from './sua.js';
import { mtp2, mtp2Phdr, mtp3, mtp3mg } from './mtp.js';
import { sccpAt, sccpmg } from './sccp.js';
import { isup, bicc } from './isup.js';

/** Registers the SS7 lower-layer handlers (SIGTRAN adaptation layers, MTP2/3, SCCP, SCMG, ISUP) in the dispatch tables. */
export function registerSs7(t: DispatchTables): void {
  t.registerRange('sctp.ppid', 3, m3uaAt);
  t.register('sctp.ppid', 2, m2ua);
  t.register('sctp.ppid', 5, m2pa);
  t.register('sctp.ppid', 4, sua);
  t.registerRange('sctp.port', 2905, m3uaAt);
  t.register('sctp.port', 2904, m2ua);
  t.register('sctp.port', 3565, m2pa);
  t.register('sctp.port', 14001, sua);
  t.registerRange('tcp.port', 2905, m3uaAt);
  t.register('link', 141, mtp3);
  t.register('link', 140, mtp2);
  t.register('link', 139, mtp2Phdr);
  t.register('mtp3.si', 0, mtp3mg);
  t.register('mtp3.si', 1, mtp3mg);
  t.register('mtp3.si', 2, mtp3mg);
  t.registerRange('mtp3.si', 3, sccpAt);
  t.register('mtp3.si', 5, isup);
  t.register('mtp3.si', 13, bicc);
  t.register('sccp.ssn', 1, sccpmg);
}
