/** MAP value decoders: addresses, location, USSD text (3GPP TS 29.002, 23.003, 23.038, 23.032). */
import { tbcd, toHex, bcdOddEven } from '../util/digits.js';

/** Digits of an AddressString / ISDN-AddressString value (TON/NPI octet skipped). */
export function addressDigits(b: Uint8Array, vs: number, ve: number): string {
  return ve - vs > 1 ? tbcd(b, vs + 1, ve) : '';
}

/** Numbering plan of an AddressString (low nibble of the first octet). */
export function addressNp(b: Uint8Array, vs: number): number {
  return b[vs]! & 0x0f;
}

function mccMnc(b: Uint8Array, p: number): string {
  const d = (v: number): string => (v <= 9 ? String(v) : '');
  const mcc = d(b[p]! & 15) + d(b[p]! >> 4) + d(b[p + 1]! & 15);
  const mnc = d(b[p + 2]! & 15) + d(b[p + 2]! >> 4) + d(b[p + 1]! >> 4);
  return `${mcc}-${mnc}`;
}

/** CellGlobalIdOrServiceAreaIdFixedLength (7 octets): 'MCC-MNC-LAC-CI' (LAC, CI decimal). */
export function cgiText(b: Uint8Array, vs: number, ve: number): string | undefined {
  if (ve - vs !== 7) return undefined;
  return `${mccMnc(b, vs)}-${b[vs + 3]! * 256 + b[vs + 4]!}-${b[vs + 5]! * 256 + b[vs + 6]!}`;
}

/** LAIFixedLength (5 octets): 'MCC-MNC-LAC'. */
export function laiText(b: Uint8Array, vs: number, ve: number): string | undefined {
  if (ve - vs !== 5) return undefined;
  return `${mccMnc(b, vs)}-${b[vs + 3]! * 256 + b[vs + 4]!}`;
}

/**
 * GeographicalInformation (TS 23.032 ellipsoid point [with uncertainty circle]):
 * latitude sign + 23 bits, longitude 24-bit two's complement. Returns [lat, lon] in degrees.
 */
export function geoLatLon(b: Uint8Array, vs: number, ve: number): [number, number] | undefined {
  if (ve - vs < 7) return undefined;
  const shape = b[vs]! >> 4;
  if (shape !== 0 && shape !== 1) return undefined;
  // scaled like Wireshark (2^23 - 1 and 2^24 - 1 as divisors) so the degrees equal tshark's
  const la = (b[vs + 1]! << 16) | (b[vs + 2]! << 8) | b[vs + 3]!;
  let lat = ((la & 0x7fffff) * 90) / 0x7fffff;
  if (la & 0x800000) lat = -lat;
  let lo = (b[vs + 4]! << 16) | (b[vs + 5]! << 8) | b[vs + 6]!;
  if (lo & 0x800000) lo -= 0x1000000;
  const lon = (lo * 360) / 0xffffff;
  return [Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6];
}

/** ISUP-format number (location number, called/calling party): digits after the 2 header octets. */
export function isupDigits(b: Uint8Array, vs: number, ve: number): string {
  if (ve - vs < 3) return '';
  const odd = (b[vs]! & 0x80) !== 0;
  return bcdOddEven(b, vs + 2, ve, odd, '0123456789ABCDEF');
}

/** GSM 03.38 default alphabet (basic set); escape-table characters are mapped from the extension table. */
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT: Record<number, string> = { 10: '\f', 20: '^', 40: '{', 41: '}', 47: '\\', 60: '[', 61: '~', 62: ']', 64: '|', 101: '€' };

/** Unpacks GSM 7-bit packed septets. `n` limits the count (default: all whole septets). */
export function gsm7(b: Uint8Array, vs: number, ve: number, n?: number): string {
  const total = n ?? Math.floor(((ve - vs) * 8) / 7);
  let s = '';
  let esc = false;
  for (let i = 0; i < total; i++) {
    const bit = i * 7;
    const byte = vs + (bit >> 3);
    if (byte >= ve) break;
    const sh = bit & 7;
    let v = b[byte]! >> sh;
    if (sh > 1 && byte + 1 < ve) v |= b[byte + 1]! << (8 - sh);
    v &= 0x7f;
    if (esc) {
      s += GSM7_EXT[v] ?? ' ';
      esc = false;
    } else if (v === 27) esc = true;
    else s += GSM7[v]!;
  }
  // a trailing CR used as padding of the last octet (TS 23.038 6.1.2.3.1)
  if ((ve - vs) % 7 === 0 && s.endsWith('\r')) s = s.slice(0, -1);
  return s;
}

function ucs2(b: Uint8Array, vs: number, ve: number): string {
  let s = '';
  for (let i = vs; i + 1 < ve; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
  return s;
}

/** Character set of a CBS data coding scheme (TS 23.038 clause 5): 'gsm7' | 'ucs2' | '8bit'. */
export function cbsCharset(dcs: number): 'gsm7' | 'ucs2' | '8bit' | 'gsm7lang' | 'ucs2lang' {
  const g = dcs >> 4;
  if (g === 0 || g === 2 || g === 3) return 'gsm7';
  if (g === 1) return (dcs & 15) === 0 ? 'gsm7lang' : (dcs & 15) === 1 ? 'ucs2lang' : 'gsm7';
  if (g >= 4 && g <= 7) {
    const a = (dcs >> 2) & 3;
    return a === 0 ? 'gsm7' : a === 1 ? '8bit' : a === 2 ? 'ucs2' : 'gsm7';
  }
  if (g === 9) {
    const a = (dcs >> 2) & 3;
    return a === 0 ? 'gsm7' : a === 1 ? '8bit' : 'ucs2';
  }
  if (g === 15) return (dcs & 4) ? '8bit' : 'gsm7';
  return 'gsm7';
}

/** USSD string text for a data coding scheme. */
export function ussdText(dcs: number, b: Uint8Array, vs: number, ve: number): string {
  switch (cbsCharset(dcs)) {
    case 'gsm7':
      return gsm7(b, vs, ve);
    case 'gsm7lang': {
      // first 3 characters are the language, followed by CR
      const s = gsm7(b, vs, ve);
      return s.length > 3 ? s.slice(3).replace(/^\r/, '') : s;
    }
    case 'ucs2':
      return ucs2(b, vs, ve);
    case 'ucs2lang':
      return ucs2(b, vs + 2, ve);
    default:
      return toHex(b, vs, ve);
  }
}
