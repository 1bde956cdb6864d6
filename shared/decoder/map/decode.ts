/**
 * GSM MAP component user: names the operation / error and decodes the
 * parameter of the operations listed in ./schema.ts into MapInfo columns.
 * E.164 numbers and IMSIs are collected in decoding order (tshark's order for
 * e164.msisdn / e212.imsi).
 */
import type { DecodeContext } from '../context.js';
import type { MapInfo } from '../../model/layers/tcap.js';
import { readTlv, tlv as tlvBinding, readInt, berErrorText, berErrOffset } from '../ber/ber.js';
import { element, type SNode } from '../ber/schema.js';
import { tbcd, toHex } from '../util/digits.js';
import { MAP_OP_NAMES, MAP_ERROR_NAMES } from './names.js';
import { MAP_ARG, MAP_RES, MAP_RES_OLD, type MapLeaf } from './schema.js';
import { SS_CODE_NAMES } from './sscodes.js';
import { decodeTpdu } from './sms.js';
import { mapErrorDetail } from './errors.js';
import { addressDigits, addressNp, cgiText, laiText, geoLatLon, isupDigits, ussdText } from './values.js';
import { append, newMapInfo } from '../shapes.js';

/** Local reference to the shared TLV scratch (avoids a live-binding getter per access in CJS-transpiled runs). */
const tlv = tlvBinding;

export function mapOpName(op: number): string | undefined {
  return MAP_OP_NAMES[op];
}
export function mapErrorName(code: number): string | undefined {
  return MAP_ERROR_NAMES[code];
}

// USSD parts seen during one walk (coding scheme first, then the string)
let ussdDcs = -1;
let ussdVs = -1;
let ussdVe = -1;
let ussdBuf: Uint8Array | undefined;

type Out = Record<string, unknown> & MapInfo;

function set(out: Out, f: string | undefined, v: unknown): void {
  if (f !== undefined && out[f] === undefined) out[f] = v;
}

function leaf(b: Uint8Array, vs: number, ve: number, n: SNode<MapLeaf>, o: Record<string, unknown>): void {
  const out = o as Out;
  switch (n.k) {
    case 'imsi': {
      const d = tbcd(b, vs, ve);
      out.imsis = append(out.imsis, d);
      set(out, n.f, d);
      set(out, n.f2, d);
      break;
    }
    case 'addr': {
      if (ve - vs < 1) break;
      const d = addressDigits(b, vs, ve);
      if (ve - vs > 1) {
        // tshark: e164.msisdn for international ISDN numbers, e212.imsi for land-mobile (E.212) numbering
        const np = addressNp(b, vs);
        if (np === 1 && (b[vs]! & 0x70) === 0x10) out.e164 = append(out.e164, d);
        else if (np === 6) out.imsis = append(out.imsis, d);
      }
      set(out, n.f, d);
      set(out, n.f2, d);
      break;
    }
    case 'lmsi':
    case 'hex': {
      const h = toHex(b, vs, ve);
      set(out, n.f, h);
      set(out, n.f2, h);
      break;
    }
    case 'int':
      set(out, n.f, readInt(b, vs, ve));
      break;
    case 'tpduMo':
    case 'tpduMt': {
      set(out, n.f, toHex(b, vs, ve));
      // the direction (which decides how TP-MTI reads) comes from SM-RP-DA / SM-RP-OA, read before
      // sm-RP-UI, not from the operation (forwardSM v1/v2 carries both; tshark does the same in v3):
      // an MSISDN originator or, failing a service-centre originator, a service-centre destination is MS → SC
      const mo = out.smRpOaKind === 'msisdn' || (out.smRpOaKind !== 'serviceCentre' && out.smRpDaKind === 'serviceCentre');
      const t = decodeTpdu(b, vs, ve, mo);
      if (t.address !== undefined && t.e164) out.e164 = append(out.e164, t.address);
      if (t.text !== undefined) set(out, 'smsText', t.text);
      break;
    }
    case 'ssCode':
      if (ve > vs && out.ssCode === undefined) {
        out.ssCode = b[vs]!;
        const nm = SS_CODE_NAMES[b[vs]!];
        if (nm) out.ssName = nm;
      }
      break;
    case 'cgi': {
      const t = cgiText(b, vs, ve);
      if (t) set(out, n.f, t);
      break;
    }
    case 'lai': {
      const t = laiText(b, vs, ve);
      if (t) set(out, n.f, t);
      break;
    }
    case 'geo': {
      const g = geoLatLon(b, vs, ve);
      if (g && out.geoLat === undefined) {
        out.geoLat = g[0];
        out.geoLon = g[1];
      }
      break;
    }
    case 'isup':
      set(out, n.f, isupDigits(b, vs, ve));
      break;
    case 'dcs':
      if (ve > vs) ussdDcs = b[vs]!;
      break;
    case 'ussd':
      ussdVs = vs;
      ussdVe = ve;
      ussdBuf = b;
      break;
    case 'ia5': {
      let t = '';
      for (let i = vs; i < ve; i++) t += String.fromCharCode(b[i]! & 0x7f);
      set(out, n.f, t);
      break;
    }
    case 'imei':
      set(out, n.f, tbcd(b, vs, ve));
      break;
    case 'reqInfo':
      out.requestedInfo = out.requestedInfo ? `${out.requestedInfo},${String(n.kv)}` : String(n.kv);
      break;
    case 'subState':
      set(out, 'subscriberState', n.kv);
      break;
    case 'count': {
      let c = 0;
      let p = vs;
      while (p < ve && !readTlv(b, p, ve)) {
        c++;
        p = tlv.next;
      }
      set(out, n.f, c);
      break;
    }
    default:
      break;
  }
}

/** Decodes a MAP parameter TLV (identifier to end) for `op` into `m`. Returns an error text or undefined. */
export function decodeMapParam(b: Uint8Array, op: number, isResult: boolean, m: MapInfo): { reason: string; offset: number } | undefined {
  return decodeMapParamAt(b, 0, b.length, op, isResult, m);
}

/** decodeMapParam on b[s, e); the error offset is relative to `s`. `old`: read a result as outside a v3 dialogue (MAP_RES_OLD). */
function decodeMapParamAt(b: Uint8Array, s: number, e: number, op: number, isResult: boolean, m: MapInfo, old = false): { reason: string; offset: number } | undefined {
  const root = isResult ? (old && MAP_RES_OLD[op]) || MAP_RES[op] : MAP_ARG[op];
  const r = readTlv(b, s, e);
  if (r) return { reason: `parameter: ${berErrorText(r)}`, offset: berErrOffset - s };
  if (!root) return undefined;
  ussdDcs = -1;
  ussdVs = -1;
  ussdBuf = undefined;
  const err = element(b, tlv.key, tlv.vs, tlv.ve, tlv.constructed, root, m as Out, leaf);
  if (ussdDcs >= 0) m.ussdDcs = ussdDcs;
  if (ussdVs >= 0 && ussdBuf) m.ussdString = ussdText(ussdDcs < 0 ? 0x0f : ussdDcs, ussdBuf, ussdVs, ussdVe);
  ussdBuf = undefined;
  return err ? { reason: `parameter: ${err.reason}`, offset: err.offset - s } : undefined;
}

/** The 'tcap.user' handler for gsm_map: `data` is the component's parameter TLV (possibly empty). */
export function mapUser(data: Uint8Array, ctx: DecodeContext): void {
  mapUserAt(data, 0, data.length, ctx);
}

/** mapUser on b[s, e) (the form TCAP dispatches to: no view per component). */
export function mapUserAt(b: Uint8Array, s: number, e: number, ctx: DecodeContext): void {
  const rec = ctx.rec;
  const c = rec.component;
  rec.protos.push('gsm_map');
  const m = newMapInfo();
  rec.map = m;
  if (!c) return;
  const v = rec.tcap?.acVersion;
  m.acVersion = rec.tcap?.acn && v !== undefined ? v : rec.tcap?.acn ? 3 : 1;
  if (c.kind === 3) {
    if (c.errorCode !== undefined) {
      m.errorCode = c.errorCode;
      const n = MAP_ERROR_NAMES[c.errorCode];
      if (n) {
        m.errorName = n;
        c.errorName = n;
      }
      const d = mapErrorDetail(c.errorCode, s === 0 && e === b.length ? b : b.subarray(s, e));
      if (d) m.errorDetail = d;
    }
    return;
  }
  if (c.kind === 4) return;
  if (c.opcode === undefined) return;
  m.opcode = c.opcode;
  const nm = MAP_OP_NAMES[c.opcode];
  if (nm && nm !== 'unAllocated') m.opName = nm;
  else if (rec.tcap) {
    // an operation code MAP does not define: a probing / evasion marker
    const f = rec.tcap.flags;
    if (f === undefined) rec.tcap.flags = ['unknown-opcode'];
    else if (!f.includes('unknown-opcode')) f.push('unknown-opcode');
  }
  m.isResult = c.kind === 2 || c.kind === 7;
  if (e <= s) return;
  // the results tshark reads by context version (that of the message's dialogue portion or of the dialogue
  // its Begin opened; none: version 0)
  const old = m.isResult && MAP_RES_OLD[c.opcode] !== undefined && (!rec.tcap?.acn || rec.tcap.acVersion !== 3);
  const err = decodeMapParamAt(b, s, e, c.opcode, m.isResult, m, old);
  if (err) ctx.stop('gsm_map', err.reason, err.offset);
}
