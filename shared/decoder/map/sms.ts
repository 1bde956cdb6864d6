/**
 * SMS TPDU (3GPP TS 23.040) as carried in MAP sm-RP-UI: the originating /
 * destination address (tshark fills e164.msisdn from it) and the user data text.
 */
import { bcdOddEven } from '../util/digits.js';
import { gsm7 } from './values.js';

export interface TpduInfo {
  /** TP-OA (deliver) / TP-DA (submit, command) / TP-RA (status report) digits. */
  address?: string;
  /** True when the address is an ISDN-plan number (the case tshark fills e164.msisdn for). */
  e164?: boolean;
  text?: string;
}

const ADDR_DIGITS = '0123456789*#abc';

/** Reads a TP address at p: returns [digits, isE164, nextOffset] or undefined. */
function tpAddress(b: Uint8Array, p: number, end: number): [string, boolean, number] | undefined {
  if (p + 2 > end) return undefined;
  const nd = b[p]!;
  const toa = b[p + 1]!;
  const nb = (nd + 1) >> 1;
  if (p + 2 + nb > end) return undefined;
  const ton = (toa >> 4) & 7;
  const npi = toa & 15;
  let digits: string;
  if (ton === 5) digits = gsm7(b, p + 2, p + 2 + nb, Math.floor((nd * 4) / 7));
  else digits = bcdOddEven(b, p + 2, p + 2 + nb, (nd & 1) === 1, ADDR_DIGITS + '?');
  return [digits, ton !== 5 && npi === 1, p + 2 + nb];
}

/** User data text of a DELIVER/SUBMIT TPDU from the TP-DCS offset. */
function userData(b: Uint8Array, p: number, end: number, udhi: boolean, dcsAt: number, udlAt: number): string | undefined {
  if (udlAt >= end) return undefined;
  const dcs = b[dcsAt]!;
  const udl = b[udlAt]!;
  const ud = udlAt + 1;
  void p;
  let alphabet = 0; // 0 gsm7, 1 8bit, 2 ucs2
  const g = dcs >> 4;
  if (g <= 3) alphabet = (dcs >> 2) & 3;
  else if (g === 15) alphabet = dcs & 4 ? 1 : 0;
  else if (g === 14) alphabet = 2;
  if (alphabet === 0) {
    let skipSeptets = 0;
    let start = ud;
    if (udhi && ud < end) {
      const udhl = b[ud]! + 1;
      skipSeptets = Math.ceil((udhl * 8) / 7);
      start = ud;
    }
    const s = gsm7(b, start, Math.min(end, ud + Math.ceil((udl * 7) / 8)), udl);
    return s.slice(skipSeptets);
  }
  let s = ud;
  const e = Math.min(end, ud + udl);
  if (udhi && s < e) s += b[s]! + 1;
  if (alphabet === 2) {
    let t = '';
    for (let i = s; i + 1 < e; i += 2) t += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return t;
  }
  return undefined;
}

/**
 * Decodes a TPDU. `mobileOriginated` picks the direction (mo-ForwardSM: MS → SC;
 * mt-ForwardSM: SC → MS), which decides how the message type indicator reads.
 */
export function decodeTpdu(b: Uint8Array, vs: number, ve: number, mobileOriginated: boolean): TpduInfo {
  const out: TpduInfo = {};
  if (ve - vs < 2) return out;
  const fo = b[vs]!;
  const mti = fo & 3;
  const udhi = (fo & 0x40) !== 0;
  if (!mobileOriginated && mti === 0) {
    // SMS-DELIVER: TP-OA, PID, DCS, SCTS(7), UDL, UD
    const a = tpAddress(b, vs + 1, ve);
    if (!a) return out;
    out.address = a[0];
    out.e164 = a[1];
    const p = a[2];
    const t = userData(b, p, ve, udhi, p + 1, p + 9);
    if (t !== undefined) out.text = t;
  } else if (mobileOriginated && mti === 1) {
    // SMS-SUBMIT: MR, TP-DA, PID, DCS, VP(0/1/7), UDL, UD
    const a = tpAddress(b, vs + 2, ve);
    if (!a) return out;
    out.address = a[0];
    out.e164 = a[1];
    const p = a[2];
    const vpf = (fo >> 3) & 3;
    const vpLen = vpf === 0 ? 0 : vpf === 2 ? 1 : 7;
    const t = userData(b, p, ve, udhi, p + 1, p + 2 + vpLen);
    if (t !== undefined) out.text = t;
  } else if (!mobileOriginated && mti === 2) {
    // SMS-STATUS-REPORT: MR, TP-RA
    const a = tpAddress(b, vs + 2, ve);
    if (a) {
      out.address = a[0];
      out.e164 = a[1];
    }
  } else if (mobileOriginated && mti === 2) {
    // SMS-COMMAND: MR, PID, CT, MN, TP-DA
    const a = tpAddress(b, vs + 5, ve);
    if (a) {
      out.address = a[0];
      out.e164 = a[1];
    }
  }
  return out;
}
