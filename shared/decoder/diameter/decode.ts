/**
 * Diameter message decoder (RFC 6733): header, AVP tree (grouped AVPs nested
 * recursively with a depth bound), values typed by ./dictionary.ts, and the
 * DiameterInfo summary (session, peers, subscriber identities, results, S6a
 * flags). Pure function of the bytes: never throws, reports the first
 * malformation as a stop (reason + byte offset) and keeps what decoded.
 */
import type { DiameterAvp, DiameterInfo } from '../../model/layers/diameter.js';
import * as dict from './dictionary.js';
import type { AvpDef } from './dictionary.js';
import { append } from '../shapes.js';

// Module-local aliases: under a CommonJS transform (tsx, ts-node) every access to an
// imported binding goes through an export getter, measurable in this hot loop.
const avpDef = dict.avpDef, appName = dict.appName, commandAbbrev = dict.commandAbbrev, commandName = dict.commandName;
const flagNames = dict.flagNames;
const VENDOR_3GPP = dict.VENDOR_3GPP;

export const DIAMETER_HEADER_LEN = 20;
/** Grouped AVPs nested deeper than this are kept as hex. */
export const MAX_GROUP_DEPTH = 16;

export interface DiameterParse {
  /** Absent only when not even the 20-byte header is there. */
  info?: DiameterInfo;
  stop?: { reason: string; offset: number };
  notes?: string[];
}

/** Length of the Diameter message starting at `off` (the 24-bit length field), or -1 when fewer than 4 bytes are there. For TCP framing. */
export function diameterMessageLength(b: Uint8Array, off = 0): number {
  if (b.length - off < 4) return -1;
  return (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!;
}

/** Application ids in whose messages Wireshark reads User-Name as an IMSI (e212.imsi): S6a/S6d, SLh, S7a. */
const E212_USERNAME_APPS = new Set([16777251, 16777291, 16777308]);
/** Applications where a User-Name made of digits (optionally @realm) is taken as the subscriber IMSI. */
const IMSI_USERNAME_APPS = new Set([16777251, 16777252, 16777291, 16777308, 16777312, 16777313, 16777216, 16777265, 16777255]);

const HEX = '0123456789abcdef';
const TBCD = '0123456789*#abc';
const HEX2: string[] = Array.from({ length: 256 }, (_, v) => HEX[v >> 4]! + HEX[v & 15]!);
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Lowercase hex without separators (tshark FT_BYTES style). Local copy: the lint rule banning Node's 'util' also matches '../util/*'. */
export function toHex(b: Uint8Array, s: number, e: number): string {
  let r = '';
  for (let i = s; i < e; i++) r += HEX2[b[i]!]!;
  return r;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** Text of [s, e) as UTF-8 (invalid sequences become U+FFFD); short ASCII strings are built directly (cheaper than a decoder call). */
export function text(b: Uint8Array, s: number, e: number): string {
  if (e - s > 12) return utf8.decode(b.subarray(s, e));
  let r = '';
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c >= 0x80) return utf8.decode(b.subarray(s, e));
    r += String.fromCharCode(c);
  }
  return r;
}

/** TBCD digits (low nibble first), stopping at a 0xF filler nibble. */
export function tbcdDigits(b: Uint8Array, s: number, e: number): string {
  let r = '';
  for (let i = s; i < e; i++) {
    const v = b[i]!;
    const lo = v & 15, hi = v >> 4;
    if (lo === 15) break;
    r += TBCD[lo] ?? '?';
    if (hi === 15) break;
    r += TBCD[hi] ?? '?';
  }
  return r;
}

/** E.212 PLMN id (3 octets) as 'MCC/MNC', e.g. '310/260', '001/01'. */
export function plmnText(b: Uint8Array, s: number): { mcc: string; mnc: string } {
  const b0 = b[s]!, b1 = b[s + 1]!, b2 = b[s + 2]!;
  const mcc = HEX[b0 & 15]! + HEX[b0 >> 4]! + HEX[b1 & 15]!;
  let mnc = HEX[b2 & 15]! + HEX[b2 >> 4]!;
  if (b1 >> 4 !== 15) mnc += HEX[b1 >> 4]!;
  return { mcc, mnc };
}

function ipv6(b: Uint8Array, s: number): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[s + 2 * i]! << 8) | b[s + 2 * i + 1]!);
  // longest run of zero words (length >= 2) becomes '::'
  let bs = -1, bl = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bl && j - i >= 2) {
      bs = i;
      bl = j - i;
    }
    i = j;
  }
  const part = (a: number, z: number): string => w.slice(a, z).map((x) => x.toString(16)).join(':');
  if (bs < 0) return part(0, 8);
  return part(0, bs) + '::' + part(bs + bl, 8);
}

function addressText(b: Uint8Array, s: number, e: number): string | undefined {
  const n = e - s;
  if (n === 4) return `${b[s]}.${b[s + 1]}.${b[s + 2]}.${b[s + 3]}`;
  if (n === 16) return ipv6(b, s);
  if (n >= 2) {
    const fam = (b[s]! << 8) | b[s + 1]!;
    if (fam === 1 && n === 6) return `${b[s + 2]}.${b[s + 3]}.${b[s + 4]}.${b[s + 5]}`;
    if (fam === 2 && n === 18) return ipv6(b, s + 2);
    if (fam === 8) return text(b, s + 2, e); // E.164 address family: ASCII digits
  }
  return undefined;
}

function u64Text(b: Uint8Array, o: number, signed: boolean): string {
  const hi = u32(b, o), lo = u32(b, o + 4);
  if (hi < 0x200000) return String(hi * 4294967296 + lo);
  let v = (BigInt(hi) << 32n) | BigInt(lo);
  if (signed && hi >= 0x80000000) v -= 1n << 64n;
  return v.toString();
}

const NTP_UNIX_OFFSET = 2208988800;
const EMPTY = new Uint8Array(0);

/**
 * Pass 1 (always, allocation-light): framing checks over the whole AVP tree and
 * the summary fields. Pass 2 (`tree`, on first access to `info.avps`): the AVP
 * objects with decoded values.
 */
class Scanner {
  b: Uint8Array = EMPTY;
  info!: DiameterInfo;
  stop: { reason: string; offset: number } | undefined;
  notes: string[] | undefined;
  /** Subscription-Id-Type seen last in the current message (tshark's rule: type before data). */
  private subType = -1;
  /** Current Subscription-Id group (either AVP order, for the summary). */
  private sidType = -1;
  private sidData: string | undefined;

  begin(b: Uint8Array, info: DiameterInfo): void {
    this.b = b;
    this.info = info;
    this.stop = undefined;
    this.notes = undefined;
    this.subType = -1;
  }

  fail(reason: string, offset: number): void {
    if (!this.stop) this.stop = { reason, offset };
  }

  note(s: string): void {
    this.notes = append(this.notes, s);
  }

  /** Scans the AVPs in [off, end). Returns false when framing broke (the caller stops too). */
  scan(off: number, end: number, depth: number, parent: number): boolean {
    const b = this.b;
    while (off < end) {
      if (end - off < 8) {
        this.fail(`AVP header truncated: ${end - off} byte(s) left, 8 needed`, off);
        return false;
      }
      const code = u32(b, off);
      const flags = b[off + 4]!;
      const len = (b[off + 5]! << 16) | (b[off + 6]! << 8) | b[off + 7]!;
      const hdr = flags & 0x80 ? 12 : 8;
      if (len < hdr) {
        this.fail(`AVP ${code}: length ${len} shorter than its ${hdr}-byte header`, off);
        return false;
      }
      if (off + len > end) {
        this.fail(`AVP ${code}: length ${len} runs past the end (${end - off} byte(s) left)`, off);
        return false;
      }
      const vendor = hdr === 12 ? u32(b, off + 8) : 0;
      const def = avpDef(code, vendor);
      if (def) {
        const s = off + hdr, e = off + len;
        if (def.type === 'Grouped') {
          if (depth >= MAX_GROUP_DEPTH) this.fail(`grouped AVP ${def.name} nested deeper than ${MAX_GROUP_DEPTH} levels`, s);
          else this.group(def, s, e, depth);
        } else {
          const want = def.size;
          if (want !== 0 && want !== e - s) this.note(`AVP ${def.name}: data length ${e - s}, expected ${want}`);
          else this.leaf(def, s, e, depth, parent);
        }
      }
      const padded = off + ((len + 3) & ~3);
      if (padded > end) {
        this.fail(`AVP ${def ? def.name : code}: ${padded - off - len} padding byte(s) missing at the end`, off + len);
        return depth > 0; // inside a group the outer framing still holds
      }
      off = padded;
    }
    return true;
  }

  private group(def: AvpDef, s: number, e: number, depth: number): void {
    const info = this.info;
    if (def.vendor === 0 && def.code === 443) {
      // Subscription-Id { Subscription-Id-Type, Subscription-Id-Data }
      this.subType = -1;
      this.sidType = -1;
      this.sidData = undefined;
      this.scan(s, e, depth + 1, 443);
      const data = this.sidData;
      if (data === undefined) return;
      if (this.sidType === 1 && info.imsi === undefined) info.imsi = imsiOf(data) ?? data;
      else if (this.sidType === 0 && info.msisdn === undefined) info.msisdn = data;
      return;
    }
    this.scan(s, e, depth + 1, def.vendor === 0 ? def.code : -1);
  }

  /** Summary fields and the tshark e212/e164 lists. */
  private leaf(def: AvpDef, s: number, e: number, depth: number, parent: number): void {
    const info = this.info, b = this.b;
    if (def.vendor === 0) {
      switch (def.code) {
        case 263:
          if (info.sessionId === undefined) info.sessionId = text(b, s, e);
          break;
        case 264:
          if (depth === 0 && info.originHost === undefined) info.originHost = text(b, s, e);
          break;
        case 296:
          if (depth === 0 && info.originRealm === undefined) info.originRealm = text(b, s, e);
          break;
        case 293:
          if (depth === 0 && info.destHost === undefined) info.destHost = text(b, s, e);
          break;
        case 283:
          if (depth === 0 && info.destRealm === undefined) info.destRealm = text(b, s, e);
          break;
        case 268:
          if (depth === 0 && info.resultCode === undefined) info.resultCode = u32(b, s);
          break;
        case 298:
          if (parent === 297 && info.experimentalResult === undefined) info.experimentalResult = u32(b, s);
          break;
        case 266:
          if (parent === 297 && info.experimentalResultVendor === undefined) info.experimentalResultVendor = u32(b, s);
          break;
        case 1: {
          const v = text(b, s, e);
          if (info.userName === undefined && depth === 0) info.userName = v;
          if (E212_USERNAME_APPS.has(info.appId)) info.imsis = append(info.imsis, v);
          if (info.imsi === undefined && IMSI_USERNAME_APPS.has(info.appId)) {
            const imsi = imsiOf(v);
            if (imsi) info.imsi = imsi;
          }
          break;
        }
        case 450:
          this.subType = this.sidType = u32(b, s) | 0;
          break;
        case 444: {
          const v = text(b, s, e);
          if (parent === 443) this.sidData = v;
          if (this.subType === 1) info.imsis = append(info.imsis, v);
          else if (this.subType === 0) info.e164 = append(info.e164, v);
          break;
        }
      }
    } else if (def.vendor === VENDOR_3GPP) {
      switch (def.code) {
        case 701: {
          const d = tbcdDigits(b, s, e);
          info.e164 = append(info.e164, d);
          if (info.msisdn === undefined) info.msisdn = d;
          break;
        }
        case 1: // 3GPP-IMSI (TS 29.061)
          if (info.imsi === undefined) {
            const imsi = imsiOf(text(b, s, e));
            if (imsi) info.imsi = imsi;
          }
          break;
        case 1407:
          if (info.visitedPlmnId === undefined && e - s === 3) {
            const p = plmnText(b, s);
            info.visitedPlmnId = `${p.mcc}/${p.mnc}`;
            info.visitedMcc = p.mcc;
            info.visitedMnc = p.mnc;
          }
          break;
        case 1032:
          if (info.ratType === undefined) info.ratType = u32(b, s) | 0;
          break;
        case 1405:
          if (info.ulrFlags === undefined) info.ulrFlags = u32(b, s);
          break;
        case 1490:
          if (info.idrFlags === undefined) info.idrFlags = u32(b, s);
          break;
        case 1420:
          if (info.clrCancellationType === undefined) info.clrCancellationType = u32(b, s) | 0;
          break;
      }
    }
  }
}

/** Pass 2: the AVP objects. Framing was checked by the scanner; this stops quietly where it stopped. */
function tree(b: Uint8Array, off: number, end: number, depth: number, out: DiameterAvp[]): void {
  let dv: DataView | undefined;
  while (off < end && end - off >= 8) {
    const code = u32(b, off);
    const flags = b[off + 4]!;
    const len = (b[off + 5]! << 16) | (b[off + 6]! << 8) | b[off + 7]!;
    const hdr = flags & 0x80 ? 12 : 8;
    if (len < hdr || off + len > end) return;
    const vendor = hdr === 12 ? u32(b, off + 8) : 0;
    const def = avpDef(code, vendor);
    const a: DiameterAvp = { code, flags, name: def ? def.name : `Unknown-AVP-${code}`, offset: off, length: len };
    if (hdr === 12) a.vendor = vendor;
    out.push(a);
    const s = off + hdr, e = off + len, n = e - s;
    if (!def) a.value = toHex(b, s, e);
    else {
      const want = def.size;
      if (want !== 0 && want !== n) {
        a.value = toHex(b, s, e);
        a.text = `bad length ${n} (expected ${want})`;
      } else
        switch (def.type) {
          case 'Grouped':
            if (depth >= MAX_GROUP_DEPTH) a.value = toHex(b, s, e);
            else tree(b, s, e, depth + 1, (a.children = []));
            break;
          case 'UTF8String':
          case 'DiameterIdentity':
          case 'DiameterURI':
          case 'IPFilterRule':
          case 'QoSFilterRule':
            a.value = text(b, s, e);
            break;
          case 'Unsigned32':
            a.value = u32(b, s);
            if (def.bits) {
              const f = flagNames(def, a.value);
              if (f !== undefined) a.text = f;
            }
            break;
          case 'Integer32':
          case 'Enumerated': {
            const v = u32(b, s) | 0;
            a.value = v;
            if (def.enums) {
              const nm = def.enums.get(v) ?? def.enums.get(v >>> 0);
              if (nm !== undefined) a.text = nm;
            }
            break;
          }
          case 'Unsigned64':
          case 'Integer64':
            a.value = u64Text(b, s, def.type === 'Integer64');
            break;
          case 'Float32':
            a.value = (dv ??= new DataView(b.buffer, b.byteOffset, b.byteLength)).getFloat32(s);
            break;
          case 'Float64':
            a.value = (dv ??= new DataView(b.buffer, b.byteOffset, b.byteLength)).getFloat64(s);
            break;
          case 'Time': {
            const ntp = u32(b, s);
            a.value = ntp;
            // RFC 6733 4.3.1: values with the top bit clear are after 2036-02-07 (NTP era 1).
            const unix = ntp >= 0x80000000 ? ntp - NTP_UNIX_OFFSET : ntp + 4294967296 - NTP_UNIX_OFFSET;
            a.text = new Date(unix * 1000).toISOString().replace('.000Z', 'Z');
            break;
          }
          case 'Address':
            a.value = addressText(b, s, e) ?? toHex(b, s, e);
            break;
          default:
            a.value = toHex(b, s, e);
            if (def.fmt === 'tbcd') a.text = tbcdDigits(b, s, e);
            else if (def.fmt === 'plmn' && n === 3) {
              const p = plmnText(b, s);
              a.text = `${p.mcc}/${p.mnc}`;
            }
        }
    }
    off += (len + 3) & ~3;
  }
}

/**
 * Private copies of message bytes for the lazy AVP tree, carved out of shared slabs: the
 * caller's buffer may be reused (TCP/SCTP reassembly buffers are), and one ArrayBuffer per
 * message would cost more than the whole summary decode.
 */
const SLAB = 256 * 1024;
let slab = new Uint8Array(0);
let slabUsed = 0;

function keep(b: Uint8Array, n: number): Uint8Array {
  if (n > SLAB / 4) return b.slice(0, n);
  if (slabUsed + n > slab.length) {
    slab = new Uint8Array(SLAB);
    slabUsed = 0;
  }
  const v = slab.subarray(slabUsed, slabUsed + n);
  v.set(n === b.length ? b : b.subarray(0, n));
  slabUsed += (n + 7) & ~7;
  return v;
}

/**
 * The DiameterInfo object. Its `avps` (the full tree) is an own enumerable accessor that
 * builds the tree on first read from a private copy of the message bytes and then replaces
 * itself with a plain data property; spreading, JSON and structured clone (postMessage)
 * therefore see the tree. One shared descriptor keeps the per-message cost low.
 */
const RAW = Symbol('diameter message bytes');
type LazyInfo = DiameterInfo & { [RAW]?: Uint8Array | undefined };
const settle = (o: DiameterInfo, v: DiameterAvp[]): void => {
  Object.defineProperty(o, 'avps', { value: v, writable: true, configurable: true, enumerable: true });
};
const AVPS_ACCESSOR: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: LazyInfo): DiameterAvp[] {
    const raw = this[RAW];
    const avps: DiameterAvp[] = [];
    if (raw) tree(raw, DIAMETER_HEADER_LEN, raw.length, 0, avps);
    settle(this, avps);
    this[RAW] = undefined;
    return avps;
  },
  set(this: LazyInfo, v: DiameterAvp[]): void {
    settle(this, v);
    this[RAW] = undefined;
  },
};

function makeInfo(b: Uint8Array, flags: number, request: boolean, cmd: number, appId: number, raw: Uint8Array | undefined): DiameterInfo {
  const info = {
    version: b[0]!,
    flags,
    request,
    proxiable: (flags & 0x40) !== 0,
    error: (flags & 0x20) !== 0,
    retransmit: (flags & 0x10) !== 0,
    cmd,
    cmdName: commandName(cmd, request),
    cmdAbbrev: commandAbbrev(cmd, request),
    appId,
    hopByHop: u32(b, 12),
    endToEnd: u32(b, 16),
    [RAW]: raw,
  } as unknown as DiameterInfo;
  Object.defineProperty(info, 'avps', AVPS_ACCESSOR);
  return info;
}

/** The IMSI in a User-Name: all digits (5–15), optionally followed by '@realm' (TS 23.003 derived NAI/IMPI). */
export function imsiOf(v: string): string | undefined {
  let n = v.indexOf('@');
  if (n < 0) n = v.length;
  if (n < 5 || n > 15) return undefined;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return n === v.length ? v : v.slice(0, n);
}

const scanner = new Scanner();

/**
 * Decodes one Diameter message (the bytes of one SCTP DATA chunk or one framed TCP PDU).
 * The summary fields are filled at once; `info.avps` (the full tree) is decoded on first
 * access from a private copy of the message bytes.
 */
export function parseDiameter(b: Uint8Array): DiameterParse {
  if (b.length < DIAMETER_HEADER_LEN) {
    return { stop: { reason: `Diameter header truncated: ${b.length} of 20 bytes`, offset: 0 } };
  }
  const version = b[0]!;
  const msgLen = (b[1]! << 16) | (b[2]! << 8) | b[3]!;
  const flags = b[4]!;
  const cmd = (b[5]! << 16) | (b[6]! << 8) | b[7]!;
  const appId = u32(b, 8);
  const request = (flags & 0x80) !== 0;
  const ok = version === 1 && msgLen >= DIAMETER_HEADER_LEN;
  const end = ok ? Math.min(msgLen, b.length) : DIAMETER_HEADER_LEN;
  const info = makeInfo(b, flags, request, cmd, appId, end > DIAMETER_HEADER_LEN ? keep(b, end) : undefined);
  const an = appName(appId);
  if (an !== undefined) info.appName = an;
  const w = scanner;
  w.begin(b, info);
  try {
    if (version !== 1) {
      w.fail(`unsupported Diameter version ${version}`, 0);
    } else if (msgLen < DIAMETER_HEADER_LEN) {
      w.fail(`message length ${msgLen} shorter than the 20-byte header`, 1);
    } else {
      if (flags & 0x0f) w.note(`reserved header flag bits set (0x${(flags & 0x0f).toString(16)})`);
      w.scan(DIAMETER_HEADER_LEN, end, 0, -1);
      if (msgLen > b.length) {
        const at = w.stop ? w.stop.offset : b.length;
        w.stop = { reason: `truncated: message length ${msgLen}, ${b.length} bytes present`, offset: at };
      } else if (msgLen < b.length) {
        w.note(`${b.length - msgLen} byte(s) after the Diameter message`);
      }
    }
  } catch (e) {
    // Defensive: the scanner bounds-checks every read, but a decoder must never throw across a frame.
    w.fail(`decoder fault: ${e instanceof Error ? e.message : String(e)}`, 0);
  }
  const r: DiameterParse = { info };
  if (w.stop) r.stop = w.stop;
  if (w.notes) r.notes = w.notes;
  w.begin(EMPTY, info);
  return r;
}

