/**
 * CAMEL Application Part (3GPP TS 29.078) component user: operation / error
 * names and the parameters of InitialDP, Connect, RequestReportBCSMEvent,
 * ApplyCharging, ReleaseCall, EventReportBCSM and InitialDPSMS.
 */
import type { DecodeContext } from '../context.js';
import type { CapInfo } from '../../model/layers/tcap.js';
import { readTlv, tlv as tlvBinding, readInt, berErrorText, berErrOffset } from '../ber/ber.js';
import { seq, choice, element, U, C, type SNode } from '../ber/schema.js';
import { tbcd } from '../util/digits.js';
import { CAP_OP_NAMES, CAP_ERROR_NAMES } from './names.js';
import { addressDigits, addressNp, cgiText, isupDigits } from '../map/values.js';
import { append } from '../shapes.js';

/** Local reference to the shared TLV scratch (avoids a live-binding getter per access in CJS-transpiled runs). */
const tlv = tlvBinding;

type CapLeaf = 'int' | 'isup' | 'isupLoc' | 'bcd' | 'addr' | 'imsi' | 'cause' | 'achbcc' | 'event' | 'cgi';
type CNode = SNode<CapLeaf>;
const L = (k: CapLeaf, f?: string): CNode => (f ? { k, f } : { k });
const OCT = U(4), SEQ = U(16);

/** MAP LocationInformation as CAP carries it. */
const locationInformation = seq<CapLeaf>({
  [U(2)]: L('int', 'ageOfLocation'),
  [C(1)]: L('addr', 'vlrNumber'),
  [C(2)]: L('isupLoc', 'locationNumber'),
  [C(3)]: seq<CapLeaf>({ [C(0)]: L('cgi', 'cellGlobalId'), [C(1)]: L('cgi', 'cellGlobalId') }),
  [C(6)]: L('addr', 'mscAddress'),
});

const ARG: (CNode | undefined)[] = [];
/** InitialDP, without initialDPArgExtension [59] (its layout depends on the CAP phase). */
const idpKids = {
    [C(0)]: L('int', 'serviceKey'),
    [C(2)]: L('isup', 'calledPartyNumber'),
    [C(3)]: L('isup', 'callingPartyNumber'),
    [C(10)]: L('isupLoc', 'locationNumber'),
    [C(28)]: L('int', 'eventTypeBcsm'),
    [C(50)]: L('imsi', 'imsi'),
    [C(52)]: locationInformation,
    [C(55)]: L('addr', 'mscAddress'),
    [C(56)]: L('bcd', 'calledPartyBcdNumber'),
};
// initialDPArgExtension: CAP v3/v4 (and without a dialogue) { gmscAddress [0], forwardingDestinationNumber [1] CalledPartyNumber, … };
// CAP v1/v2 { naCarrierInformation [0], gmscAddress [1] } (tshark's InitialDPArgExtensionV2)
ARG[0] = choice<CapLeaf>({
  [SEQ]: seq<CapLeaf>({ ...idpKids, [C(59)]: seq<CapLeaf>({ [C(0)]: L('addr', 'gmscAddress'), [C(1)]: L('isup', 'forwardingDestinationNumber') }) }),
});
const IDP_V2 = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ ...idpKids, [C(59)]: seq<CapLeaf>({ [C(1)]: L('addr', 'gmscAddress') }) }) });
// connect
ARG[20] = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: seq<CapLeaf>({ [OCT]: L('isup', 'destinationRoutingAddress') }) }) });
// releaseCall: Cause (CAP v2/v3); v4 adds allCallSegmentsWithExtension [2] { allCallSegments [0] Cause }
ARG[22] = choice<CapLeaf>({ [OCT]: L('cause'), [C(2)]: seq<CapLeaf>({ [C(0)]: L('cause') }) });
// requestReportBCSMEvent
ARG[23] = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: seq<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: L('event') }) }) }) });
// eventReportBCSM
ARG[24] = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: L('int', 'eventTypeBcsm') }) });
// applyCharging
ARG[35] = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: L('achbcc') }) });
// initialDPSMS
ARG[60] = choice<CapLeaf>({
  [SEQ]: seq<CapLeaf>({
    [C(0)]: L('int', 'serviceKey'),
    [C(1)]: L('bcd', 'smsDestination'),
    [C(2)]: L('addr', 'callingPartyNumber'),
    [C(4)]: L('imsi', 'imsi'),
    [C(5)]: locationInformation,
    [C(7)]: L('addr', 'smscAddress'),
    [C(15)]: L('addr', 'mscAddress'),
  }),
});

// connectSMS: callingPartysNumber [0] SMS-AddressString, destinationSubscriberNumber [1], sMSCAddress [2]
ARG[62] = choice<CapLeaf>({ [SEQ]: seq<CapLeaf>({ [C(0)]: L('addr'), [C(1)]: L('bcd', 'smsDestination'), [C(2)]: L('addr', 'smscAddress') }) });
// initialDPGPRS: mSISDN [2], iMSI [3], locationInformationGPRS [12] { cgi/sai/lai [0] (fixed length), sgsn-Number [3] }
ARG[78] = choice<CapLeaf>({
  [SEQ]: seq<CapLeaf>({
    [C(0)]: L('int', 'serviceKey'),
    [C(2)]: L('addr', 'msisdn'),
    [C(3)]: L('imsi', 'imsi'),
    [C(12)]: seq<CapLeaf>({ [C(0)]: L('cgi', 'cellGlobalId'), [C(3)]: L('addr', 'sgsnNumber') }),
  }),
});

type Out = Record<string, unknown> & CapInfo;

function set(out: Out, f: string | undefined, v: unknown): void {
  if (f !== undefined && out[f] === undefined) out[f] = v;
}

function leaf(b: Uint8Array, vs: number, ve: number, n: CNode, o: Record<string, unknown>): void {
  const out = o as Out;
  switch (n.k) {
    case 'int':
      set(out, n.f, readInt(b, vs, ve));
      break;
    case 'isupLoc':
      set(out, n.f, isupDigits(b, vs, ve));
      break;
    case 'isup': {
      const d = isupDigits(b, vs, ve);
      // tshark fills e164.msisdn from ISUP-format numbers whose nature of address is international
      if (ve - vs >= 3 && (b[vs]! & 0x7f) === 4) out.e164 = append(out.e164, d);
      set(out, n.f, d);
      break;
    }
    case 'bcd':
      if (ve - vs > 1) set(out, n.f, tbcd(b, vs + 1, ve));
      break;
    case 'addr': {
      if (ve - vs < 2) break;
      const d = addressDigits(b, vs, ve);
      const np = addressNp(b, vs);
      if (np === 1 && (b[vs]! & 0x70) === 0x10) out.e164 = append(out.e164, d);
      else if (np === 6) out.imsis = append(out.imsis, d);
      set(out, n.f, d);
      break;
    }
    case 'imsi': {
      const d = tbcd(b, vs, ve);
      out.imsis = append(out.imsis, d);
      set(out, n.f, d);
      break;
    }
    case 'cause':
      // ISUP cause indicators: octet 1 coding/location (ext bit), octet 2 cause value
      if (ve - vs >= 2) out.releaseCause = b[vs + 1]! & 0x7f;
      break;
    case 'event':
      out.bcsmEvents = append(out.bcsmEvents, readInt(b, vs, ve));
      break;
    case 'cgi': {
      const t = cgiText(b, vs, ve);
      if (t) set(out, n.f, t);
      break;
    }
    case 'achbcc': {
      // CAMEL-AChBillingChargingCharacteristics: timeDurationCharging [0] { maxCallPeriodDuration [0] INTEGER }
      if (readTlv(b, vs, ve) || b[vs] !== 0xa0) break;
      const s = tlv.vs, e = tlv.ve;
      if (readTlv(b, s, e) || b[s] !== 0x80) break;
      out.maxCallPeriodDuration = readInt(b, tlv.vs, tlv.ve);
      break;
    }
  }
}

export function capOpName(op: number): string | undefined {
  return CAP_OP_NAMES[op];
}

/** The 'tcap.user' handler for camel: `data` is the component's parameter TLV (possibly empty). */
export function capUser(data: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  const c = rec.component;
  rec.protos.push('camel');
  const cap: CapInfo = {};
  rec.cap = cap;
  if (!c) return;
  if (c.kind === 3) {
    if (c.errorCode !== undefined) {
      cap.errorCode = c.errorCode;
      const n = CAP_ERROR_NAMES[c.errorCode];
      if (n) {
        cap.errorName = n;
        c.errorName = n;
      }
    }
    return;
  }
  if (c.kind === 4 || c.opcode === undefined) return;
  cap.opcode = c.opcode;
  const nm = CAP_OP_NAMES[c.opcode];
  if (nm) cap.opName = nm;
  if (c.kind !== 1 || data.length === 0) return;
  // CAP v1/v2 context (tshark's camel_ver from the dialogue's ACN): the phase 2 InitialDP extension
  const root = c.opcode === 0 && (rec.tcap?.acVersion ?? 3) <= 2 && rec.tcap?.acn !== undefined ? IDP_V2 : ARG[c.opcode];
  const r = readTlv(data, 0, data.length);
  if (r) {
    ctx.stop('camel', `parameter: ${berErrorText(r)}`, berErrOffset);
    return;
  }
  if (!root) return;
  const err = element(data, tlv.key, tlv.vs, tlv.ve, tlv.constructed, root, cap as Out, leaf);
  if (err) ctx.stop('camel', `parameter: ${err.reason}`, err.offset);
}
