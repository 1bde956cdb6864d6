/** IP address text, built cheaply: IPv4 strings cached per 32-bit value, IPv6 in RFC 5952 form. */

/** Direct-mapped cache of dotted quads: address (as int32) and text per slot. */
const V4_SLOTS = 4096;
const v4keys = new Int32Array(V4_SLOTS);
const v4text: (string | undefined)[] = new Array<string | undefined>(V4_SLOTS).fill(undefined);

/** Dotted quad of a 32-bit address (unsigned). */
export function ipv4String(a: number): string {
  const k = a | 0;
  const i = Math.imul(k ^ (k >>> 16), 0x45d9f3b) >>> 20;
  const c = v4text[i];
  if (c !== undefined && v4keys[i] === k) return c;
  const s = `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
  v4keys[i] = k;
  v4text[i] = s;
  return s;
}

/** RFC 5952 text of the 16-byte address at b[o] (as Wireshark prints it). */
export function ipv6String(b: Uint8Array, o: number): string {
  // Longest run (≥ 2) of zero groups is compressed to '::'.
  let best = -1, bestLen = 1, run = -1, runLen = 0;
  for (let i = 0; i < 8; i++) {
    if (b[o + 2 * i] === 0 && b[o + 2 * i + 1] === 0) {
      if (run < 0) {
        run = i;
        runLen = 0;
      }
      runLen++;
      if (runLen > bestLen) {
        best = run;
        bestLen = runLen;
      }
    } else run = -1;
  }
  // IPv4-mapped (::ffff:a.b.c.d) as Wireshark shows it.
  if (best === 0 && bestLen === 5 && b[o + 10] === 0xff && b[o + 11] === 0xff) {
    return `::ffff:${b[o + 12]}.${b[o + 13]}.${b[o + 14]}.${b[o + 15]}`;
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      s += '::';
      i += bestLen - 1;
      continue;
    }
    if (s.length > 0 && !s.endsWith(':')) s += ':';
    s += ((b[o + 2 * i]! << 8) | b[o + 2 * i + 1]!).toString(16);
  }
  return s;
}
