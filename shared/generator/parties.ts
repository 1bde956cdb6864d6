/** SCCP parties and location answers for the node types of the world. */
import { cellGlobalId } from '../encode/map.js';
import { SSN, type Ctx, type Party } from './dialog.js';
import type { Sp, Subscriber } from './world.js';

export const hlrP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.hlr });
export const vlrP = (sp: Sp): Party => ({ sp, gt: sp.vlrGt ?? sp.gt, ssn: SSN.vlr });
export const mscP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.msc });
export const smscP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.msc });
export const scfP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.scf });
export const capScfP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.cap });
export const capSsfP = (sp: Sp): Party => ({ sp, gt: sp.gt, ssn: SSN.cap });

/** Location information a VLR would give for a subscriber it serves. */
export function locationOf(ctx: Ctx, msc: Sp): { age: number; vlr: string; cgi: Uint8Array } {
  return { age: ctx.rng.int(30), vlr: msc.vlrGt ?? msc.gt, cgi: cellGlobalId(msc.net.mcc, msc.net.mnc, msc.lac ?? 0x1001, ctx.rng.range(1, 65000)) };
}

/** A fresh MSRN from the serving network's roaming-number range. */
export function msrnOf(ctx: Ctx, msc: Sp): string {
  const n = msc.net;
  return n.msrnPrefix + ctx.rng.digits(Math.max(3, n.cc.length + n.nsn - n.msrnPrefix.length));
}

export function subNumber(ctx: Ctx, s: Subscriber): string {
  return s.msisdn;
}
