/** SMS TPDUs (3GPP TS 23.040) and GSM 7-bit default alphabet packing (TS 23.038). */

const GSM7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Septet values of a text (characters outside the default alphabet become '?'). */
export function gsm7Septets(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const i = GSM7.indexOf(ch);
    out.push(i < 0 ? 0x3f : i);
  }
  return out;
}

/** Packs septets into octets (LSB first). */
export function pack7(septets: number[]): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const s of septets) {
    acc |= (s & 0x7f) << bits;
    bits += 7;
    while (bits >= 8) {
      out.push(acc & 255);
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push(acc & 255);
  return out;
}

/** USSD string: GSM 7-bit packed; when the last septet would leave 7 spare bits, pad with CR (TS 23.038 §6.1.2.3.1). */
export function ussdPack(text: string): Uint8Array {
  const s = gsm7Septets(text);
  if (s.length % 8 === 7) s.push(0x0d);
  return new Uint8Array(pack7(s));
}

function semiOctets(d: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i += 2) out.push((Number(d[i]) & 15) | (i + 1 < d.length ? (Number(d[i + 1]) & 15) << 4 : 0xf0));
  return out;
}

/** TP address: digit count, type of address (international E.164), semi-octets. */
function tpAddress(d: string): number[] {
  return [d.length, 0x91, ...semiOctets(d)];
}

/** TP-SCTS from epoch seconds (UTC, timezone 0). */
function scts(epochSec: number): number[] {
  const dt = new Date(epochSec * 1000);
  const sw = (v: number): number => ((v % 10) << 4) | Math.floor(v / 10);
  return [sw(dt.getUTCFullYear() % 100), sw(dt.getUTCMonth() + 1), sw(dt.getUTCDate()), sw(dt.getUTCHours()), sw(dt.getUTCMinutes()), sw(dt.getUTCSeconds()), 0];
}

/** SMS-DELIVER (MT) with a 7-bit text. */
export function smsDeliver(originator: string, text: string, epochSec: number): Uint8Array {
  const sept = gsm7Septets(text);
  return new Uint8Array([0x04, ...tpAddress(originator), 0x00, 0x00, ...scts(epochSec), sept.length, ...pack7(sept)]);
}

/** SMS-SUBMIT (MO) with a 7-bit text, no validity period. */
export function smsSubmit(mr: number, destination: string, text: string): Uint8Array {
  const sept = gsm7Septets(text);
  return new Uint8Array([0x01, mr & 255, ...tpAddress(destination), 0x00, 0x00, sept.length, ...pack7(sept)]);
}
