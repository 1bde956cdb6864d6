/** CAMEL Application Part (3GPP TS 29.078) phase 2: InitialDP, Connect, Continue. */
import { berInt, cat, seq, tlv } from './bytes.js';
import { encodeTbcd } from '../decoder/util/digits.js';
import { isdn } from './map.js';

export const CapOp = { initialDP: 0, connect: 20, releaseCall: 22, requestReportBCSMEvent: 23, continue: 31 } as const;
/** id-ac-CAP-gsmSSF-scfGenericAC (CAP v2). */
export const CAP_V2_GSMSSF_SCF = '0.4.0.0.1.0.50.1';

function bcd(d: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i += 2) out.push((Number(d[i]) & 15) | (i + 1 < d.length ? (Number(d[i + 1]) & 15) << 4 : 0));
  return out;
}

/** ISUP-format party number (Q.763): odd/even + NAI 4, NPI E.164. `calling` sets screening 'network provided'. */
export function isupNumber(d: string, calling: boolean): Uint8Array {
  return new Uint8Array([((d.length & 1) << 7) | 4, calling ? 0x13 : 0x10, ...bcd(d)]);
}

export interface InitialDp {
  serviceKey: number;
  calling: string;
  calledBcd: string;
  imsi: string;
  mscAddress: string;
  /** Event type BCSM: 2 collectedInfo (MO), 12 termAttemptAuthorized (MT). */
  eventType?: number;
}

export function initialDpArg(a: InitialDp): Uint8Array {
  return seq(
    0x30,
    berInt(0x80, a.serviceKey),
    tlv(0x83, isupNumber(a.calling, true)),
    tlv(0x85, [0x0a]),
    tlv(0x9f1c, [a.eventType ?? 2]),
    tlv(0x9f32, encodeTbcd(a.imsi)),
    tlv(0x9f37, isdn(a.mscAddress)),
    tlv(0x9f38, cat([0x91], encodeTbcd(a.calledBcd))),
  );
}

/** Connect with one destination routing address. */
export function connectArg(destination: string): Uint8Array {
  return seq(0x30, seq(0xa0, tlv(0x04, isupNumber(destination, false))));
}
