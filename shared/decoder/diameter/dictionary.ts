/**
 * Diameter dictionary: AVPs (code + vendor → name, type, enumerated values),
 * commands (code → names and abbreviations) and application ids.
 *
 * Used by the decoder (hot path: `avpDef(code, vendor)`, a Map lookup) and by
 * encoders such as the scenario generator (`avpByName`, `commandByName`,
 * `enumCode`), so messages can be built by AVP name.
 *
 * The AVP table is in ./avp-data.ts (generated, see ./gen/gen-avps.mjs); the
 * per-AVP rendering hints (TBCD numbers, PLMN ids) and the command and
 * application tables below follow RFC 6733/4006/7155 and 3GPP TS 29.212,
 * 29.214, 29.229, 29.272, 29.329, 29.338, 29.172, 32.299.
 */
import { AVP_DATA } from './avp-data.js';

export type AvpType =
  | 'OctetString' | 'UTF8String' | 'DiameterIdentity' | 'DiameterURI' | 'Address'
  | 'Integer32' | 'Integer64' | 'Unsigned32' | 'Unsigned64' | 'Float32' | 'Float64'
  | 'Enumerated' | 'Time' | 'Grouped' | 'IPFilterRule' | 'QoSFilterRule';

/** Presentation of an OctetString beyond hex: TBCD digits (E.164 numbers) or an E.212 PLMN id (MCC/MNC). */
export type AvpFormat = 'tbcd' | 'plmn';

export interface AvpDef {
  code: number;
  /** 0 = IETF, 10415 = 3GPP. */
  vendor: number;
  name: string;
  type: AvpType;
  /** The M bit must be set when sending. */
  mandatory: boolean;
  /** Enumerated value → name. */
  enums?: Map<number, string>;
  fmt?: AvpFormat;
  /** Data length the type requires (4 or 8), 0 when variable. */
  size: number;
  /** For bit-mask Unsigned32 AVPs (S6a *-Flags): the meaning of bit 0, 1, … (TS 29.272 §7.3). */
  bits?: readonly string[];
}

const SIZES: Partial<Record<AvpType, number>> = {
  Unsigned32: 4, Integer32: 4, Enumerated: 4, Float32: 4, Time: 4, Unsigned64: 8, Integer64: 8, Float64: 8,
};

export const VENDOR_3GPP = 10415;

const TYPES = new Set<string>([
  'OctetString', 'UTF8String', 'DiameterIdentity', 'DiameterURI', 'Address', 'Integer32', 'Integer64', 'Unsigned32',
  'Unsigned64', 'Float32', 'Float64', 'Enumerated', 'Time', 'Grouped', 'IPFilterRule', 'QoSFilterRule',
]);

/** 3GPP OctetString AVPs carrying an ISDN/E.164 number as TBCD digits. */
const TBCD_3GPP = [701, 1474, 1489, 1643, 1645, 2403, 3100, 3300, 3332, 3338, 3339, 3420];
/** 3GPP OctetString AVPs carrying an E.212 PLMN identity (3 octets, MCC/MNC). */
const PLMN_3GPP = [1407, 1671, 1677];

const ietf = new Map<number, AvpDef>();
const tgpp = new Map<number, AvpDef>();
/** Dense (packed) copies of the two hot maps up to their largest code: array indexing beats Map lookups in the decoder loop. */
let ietfFast: (AvpDef | undefined)[] = [];
let tgppFast: (AvpDef | undefined)[] = [];

function dense(m: Map<number, AvpDef>): (AvpDef | undefined)[] {
  let max = -1;
  for (const c of m.keys()) if (c < 65536 && c > max) max = c;
  const a = new Array<AvpDef | undefined>(max + 1).fill(undefined);
  for (const [c, d] of m) if (c <= max) a[c] = d;
  return a;
}
const others = new Map<number, Map<number, AvpDef>>();
const byName = new Map<string, AvpDef>();
const all: AvpDef[] = [];

function mapFor(vendor: number, create: boolean): Map<number, AvpDef> | undefined {
  if (vendor === 0) return ietf;
  if (vendor === VENDOR_3GPP) return tgpp;
  let m = others.get(vendor);
  if (!m && create) others.set(vendor, (m = new Map()));
  return m;
}

function parse(): void {
  let start = 0;
  const src = AVP_DATA;
  while (start < src.length) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    const line = src.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const f = line.split('|');
    if (f.length < 6) continue;
    const code = Number(f[0]), vendor = Number(f[1]), name = f[2]!, type = f[3]!;
    if (!TYPES.has(type)) continue;
    const def: AvpDef = { code, vendor, name, type: type as AvpType, mandatory: f[4] === 'M', size: SIZES[type as AvpType] ?? 0 };
    const enumSpec = f.slice(5).join('|');
    if (enumSpec) {
      const m = new Map<number, string>();
      for (const e of enumSpec.split(';')) {
        const i = e.indexOf('=');
        if (i > 0) m.set(Number(e.slice(0, i)), e.slice(i + 1));
      }
      def.enums = m;
    }
    addAvp(def);
  }
  for (const c of TBCD_3GPP) {
    const d = tgpp.get(c);
    if (d) d.fmt = 'tbcd';
  }
  for (const c of PLMN_3GPP) {
    const d = tgpp.get(c);
    if (d) d.fmt = 'plmn';
  }
  for (const [c, bits] of FLAG_BITS) {
    const d = tgpp.get(c);
    if (d && d.type === 'Unsigned32') d.bits = bits;
  }
}

/** TS 29.272 §7.3 bit masks (bit 0 first). */
const FLAG_BITS: [number, string[]][] = [
  [1405, ['Single-Registration-Indication', 'S6a/S6d-Indicator', 'Skip-Subscriber-Data', 'GPRS-Subscription-Data-Indicator',
    'Node-Type-Indicator', 'Initial-Attach-Indicator', 'PS-LCS-Not-Supported-By-UE', 'SMS-Only-Indication', 'Dual-Registration-5G-Indicator']],
  [1406, ['Separation-Indication', 'MME-Registered-for-SMS']],
  [1421, ['Regional-Subscription-Withdrawal', 'Complete-APN-Configuration-Profile-Withdrawal', 'Subscribed-Charging-Characteristics-Withdrawal',
    'PDN-Subscription-Contexts-Withdrawal', 'STN-SR', 'Complete-PDP-Context-List-Withdrawal', 'PDP-Contexts-Withdrawal',
    'Roaming-Restricted-Due-To-Unsupported-Feature', 'Trace-Data-Withdrawal', 'CSG-Deleted', 'APN-OI-Replacement', 'GMLC-List-Withdrawal',
    'LCS-Withdrawal', 'SMS-Withdrawal', 'Subscribed-Periodic-RAU-TAU-Timer-Withdrawal', 'Subscribed-VSRVCC-Withdrawal', 'A-MSISDN-Withdrawal',
    'ProSe-Withdrawal', 'Reset-IDs', 'DL-Buffering-Suggested-Packet-Count-Withdrawal', 'Subscribed-IMSI-Group-Id-Withdrawal',
    'Delete-Monitoring-Events', 'User-Plane-Integrity-Protection-Withdrawal', 'MSISDN-Withdrawal', 'UE-Usage-Type-Withdrawal',
    'V2X-Withdrawal', 'External-Identifier-Withdrawal', 'Aerial-UE-Subscription-Withdrawal', 'Paging-Time-Window-Subscription-Withdrawal',
    'Active-Time-Withdrawal', 'eDRX-Cycle-Length-Withdrawal', 'Service-Gap-Time-Withdrawal']],
  [1422, ['Network-Node-Area-Restricted']],
  [1441, ['Network-Node-Area-Restricted']],
  [1442, ['Freeze-M-TMSI', 'Freeze-P-TMSI']],
  [1443, ['Single-Registration-Indication', 'SGSN-Area-Restricted', 'Ready-for-SM-from-SGSN', 'UE-Reachable-from-MME',
    'Delete-All-APN-and-PDN-GW-Identity-Pairs', 'UE-Reachable-from-SGSN', 'Ready-for-SM-from-MME',
    'Homogeneous-Support-of-IMS-Voice-over-PS-Sessions', 'S6a/S6d-Indicator', 'Removal-of-MME-Registration-for-SMS']],
  [1490, ['UE-Reachability-Request', 'T-ADS-Data-Request', 'EPS-User-State-Request', 'EPS-Location-Information-Request',
    'Current-Location-Request', 'Local-Time-Zone-Request', 'Remove-SMS-Registration', 'RAT-Type-Requested', 'P-CSCF-Restoration-Request']],
  [1635, ['UE-Purged-in-MME', 'UE-Purged-in-SGSN']],
  [1638, ['S6a/S6d-Indicator', 'Reattach-Required']],
  [1679, ['Send-UE-Usage-Type']],
];

/** Names of the bits set in a flag AVP value, e.g. 'S6a/S6d-Indicator|Initial-Attach-Indicator'; unnamed bits as 'bit<n>'. */
export function flagNames(def: AvpDef, value: number): string | undefined {
  const bits = def.bits;
  if (!bits) return undefined;
  let r = '';
  for (let i = 0; i < 32; i++) {
    if (!((value >>> i) & 1)) continue;
    if (r) r += '|';
    r += bits[i] ?? `bit${i}`;
  }
  return r;
}

/** Adds (or replaces) an AVP definition, e.g. a vendor-specific one from a profile. */
export function addAvp(def: AvpDef): void {
  const m = mapFor(def.vendor, true)!;
  const old = m.get(def.code);
  if (old) {
    const i = all.indexOf(old);
    if (i >= 0) all[i] = def;
    if (byName.get(old.name) === old) byName.delete(old.name);
  } else all.push(def);
  m.set(def.code, def);
  if (!byName.has(def.name)) byName.set(def.name, def);
  if (!loading) {
    ietfFast = dense(ietf);
    tgppFast = dense(tgpp);
  }
}

let loading = true;
parse();
loading = false;
ietfFast = dense(ietf);
tgppFast = dense(tgpp);

/** Hot-path lookup. */
export function avpDef(code: number, vendor: number): AvpDef | undefined {
  if (vendor === 0) return code < ietfFast.length ? ietfFast[code] : ietf.get(code);
  if (vendor === VENDOR_3GPP) return code < tgppFast.length ? tgppFast[code] : tgpp.get(code);
  return others.get(vendor)?.get(code);
}

/** Lookup by AVP name (IETF definitions win over 3GPP ones of the same name). */
export function avpByName(name: string): AvpDef | undefined {
  return byName.get(name);
}

/** Every AVP definition (for tooling and tests). */
export function allAvps(): readonly AvpDef[] {
  return all;
}

/** Enumerated value name, e.g. enumName(avpByName('CC-Request-Type')!, 1) → 'INITIAL_REQUEST'. */
export function enumName(def: AvpDef, value: number): string | undefined {
  return def.enums?.get(value);
}

/** Enumerated value code by name (for encoders). */
export function enumCode(avpName: string, valueName: string): number | undefined {
  const d = byName.get(avpName);
  if (!d?.enums) return undefined;
  for (const [k, v] of d.enums) if (v === valueName) return k;
  return undefined;
}

// ---------------------------------------------------------------- applications

export interface AppDef {
  id: number;
  name: string;
  /** Short interface name, e.g. 'S6a/S6d'. */
  short: string;
}

const APPS: [number, string, string][] = [
  [0, 'Diameter Common Messages', 'Base'],
  [1, 'NASREQ', 'NASREQ'],
  [2, 'Mobile IPv4', 'MIPv4'],
  [3, 'Diameter Base Accounting', 'Acct'],
  [4, 'Diameter Credit Control', 'Gy/Ro'],
  [5, 'Diameter EAP', 'EAP'],
  [6, 'Diameter SIP', 'SIP'],
  [7, 'Diameter Mobile IPv6 IKE', 'MIP6I'],
  [8, 'Diameter Mobile IPv6 Auth', 'MIP6A'],
  [16777216, '3GPP Cx', 'Cx'],
  [16777217, '3GPP Sh', 'Sh'],
  [16777218, '3GPP Re/Rf', 'Re'],
  [16777219, '3GPP Wx', 'Wx'],
  [16777221, '3GPP Zh', 'Zh'],
  [16777222, '3GPP Gq', 'Gq'],
  [16777223, '3GPP Gmb', 'Gmb'],
  [16777224, '3GPP Gx (Rel-6)', 'Gx-r6'],
  [16777229, '3GPP Rx (Rel-6)', 'Rx-r6'],
  [16777236, '3GPP Rx', 'Rx'],
  [16777238, '3GPP Gx', 'Gx'],
  [16777250, '3GPP STa', 'STa'],
  [16777251, '3GPP S6a/S6d', 'S6a/S6d'],
  [16777252, "3GPP S13/S13'", 'S13'],
  [16777255, '3GPP SLg', 'SLg'],
  [16777264, '3GPP SWm', 'SWm'],
  [16777265, '3GPP SWx', 'SWx'],
  [16777266, '3GPP Gxx', 'Gxx'],
  [16777267, '3GPP S9', 'S9'],
  [16777272, '3GPP S6b', 'S6b'],
  [16777291, '3GPP SLh', 'SLh'],
  [16777302, '3GPP Sy', 'Sy'],
  [16777303, '3GPP Sd', 'Sd'],
  [16777308, '3GPP S7a', 'S7a'],
  [16777310, '3GPP S6m', 'S6m'],
  [16777311, '3GPP T4', 'T4'],
  [16777312, '3GPP S6c', 'S6c'],
  [16777313, '3GPP SGd', 'SGd'],
  [16777345, '3GPP S6t', 'S6t'],
  [16777346, '3GPP T6a/T6b', 'T6a'],
  [4294967295, 'Diameter Relay', 'Relay'],
];
const appById = new Map<number, AppDef>(APPS.map(([id, name, short]) => [id, { id, name, short }]));

export function appDef(id: number): AppDef | undefined {
  return appById.get(id);
}

export function appName(id: number): string | undefined {
  return appById.get(id)?.name;
}

/** Application id by full or short name ('S6a/S6d', 'Gx', '3GPP Cx' …). */
export function appIdByName(name: string): number | undefined {
  for (const a of appById.values()) if (a.name === name || a.short === name) return a.id;
  return undefined;
}

// ---------------------------------------------------------------- commands

export interface CommandDef {
  code: number;
  /** Base name without -Request/-Answer, e.g. 'Update-Location'. */
  name: string;
  reqAbbrev: string;
  ansAbbrev: string;
  /** Application the command belongs to (first one listed for shared codes). */
  appId: number;
  reqName: string;
  ansName: string;
}

/** [code, name, request abbrev, answer abbrev, application id]. */
const COMMANDS: [number, string, string, string, number][] = [
  // RFC 6733 base, RFC 4006 credit control, RFC 7155 NASREQ, RFC 4072 EAP
  [257, 'Capabilities-Exchange', 'CER', 'CEA', 0],
  [258, 'Re-Auth', 'RAR', 'RAA', 0],
  [265, 'AA', 'AAR', 'AAA', 1],
  [268, 'Diameter-EAP', 'DER', 'DEA', 5],
  [271, 'Accounting', 'ACR', 'ACA', 3],
  [272, 'Credit-Control', 'CCR', 'CCA', 4],
  [274, 'Abort-Session', 'ASR', 'ASA', 0],
  [275, 'Session-Termination', 'STR', 'STA', 0],
  [280, 'Device-Watchdog', 'DWR', 'DWA', 0],
  [282, 'Disconnect-Peer', 'DPR', 'DPA', 0],
  // TS 29.229 Cx/Dx
  [300, 'User-Authorization', 'UAR', 'UAA', 16777216],
  [301, 'Server-Assignment', 'SAR', 'SAA', 16777216],
  [302, 'Location-Info', 'LIR', 'LIA', 16777216],
  [303, 'Multimedia-Auth', 'MAR', 'MAA', 16777216],
  [304, 'Registration-Termination', 'RTR', 'RTA', 16777216],
  [305, 'Push-Profile', 'PPR', 'PPA', 16777216],
  // TS 29.329 Sh
  [306, 'User-Data', 'UDR', 'UDA', 16777217],
  [307, 'Profile-Update', 'PUR', 'PUA', 16777217],
  [308, 'Subscribe-Notifications', 'SNR', 'SNA', 16777217],
  [309, 'Push-Notification', 'PNR', 'PNA', 16777217],
  // TS 29.272 S6a/S6d, S13
  [316, 'Update-Location', 'ULR', 'ULA', 16777251],
  [317, 'Cancel-Location', 'CLR', 'CLA', 16777251],
  [318, 'Authentication-Information', 'AIR', 'AIA', 16777251],
  [319, 'Insert-Subscriber-Data', 'IDR', 'IDA', 16777251],
  [320, 'Delete-Subscriber-Data', 'DSR', 'DSA', 16777251],
  [321, 'Purge-UE', 'PUR', 'PUA', 16777251],
  [322, 'Reset', 'RSR', 'RSA', 16777251],
  [323, 'Notify', 'NOR', 'NOA', 16777251],
  [324, 'ME-Identity-Check', 'ECR', 'ECA', 16777252],
  // TS 29.172 SLg, TS 29.173 SLh
  [8388620, 'Provide-Location', 'PLR', 'PLA', 16777255],
  [8388621, 'Location-Report', 'LRR', 'LRA', 16777255],
  [8388622, 'LCS-Routing-Info', 'RIR', 'RIA', 16777291],
  // TS 29.219 Sy
  [8388635, 'Spending-Limit', 'SLR', 'SLA', 16777302],
  [8388636, 'Spending-Status-Notification', 'SNR', 'SNA', 16777302],
  // TS 29.212 Sd
  [8388637, 'TDF-Session', 'TSR', 'TSA', 16777303],
  // TS 29.272 Update-VCSG-Location, TS 29.336/337 S6m/S6t/T4
  [8388638, 'Update-VCSG-Location', 'UVR', 'UVA', 16777251],
  [8388641, 'Subscriber-Information', 'SIR', 'SIA', 16777310],
  [8388642, 'Cancel-VCSG-Location', 'CVR', 'CVA', 16777251],
  [8388643, 'Device-Trigger', 'DTR', 'DTA', 16777311],
  [8388644, 'Delivery-Report', 'DRR', 'DRA', 16777311],
  // TS 29.338 SGd, S6c
  [8388645, 'MO-Forward-Short-Message', 'OFR', 'OFA', 16777313],
  [8388646, 'MT-Forward-Short-Message', 'TFR', 'TFA', 16777313],
  [8388647, 'Send-Routing-Info-for-SM', 'SRR', 'SRA', 16777312],
  [8388648, 'Alert-Service-Centre', 'ALR', 'ALA', 16777312],
  [8388649, 'Report-SM-Delivery-Status', 'RDR', 'RDA', 16777312],
];
const cmdByCode = new Map<number, CommandDef>(
  COMMANDS.map(([code, name, reqAbbrev, ansAbbrev, appId]) => [
    code,
    { code, name, reqAbbrev, ansAbbrev, appId, reqName: `${name}-Request`, ansName: `${name}-Answer` },
  ]),
);

/** Sh reuses nothing, but Rx uses AA (265) with its own meaning: names stay the RFC ones. */
export function commandDef(code: number): CommandDef | undefined {
  return cmdByCode.get(code);
}

/** 'Update-Location-Request' / 'Update-Location-Answer', or 'Unknown-Command-<code>'. */
export function commandName(code: number, request: boolean): string {
  const c = cmdByCode.get(code);
  return c ? (request ? c.reqName : c.ansName) : `Unknown-Command-${code}`;
}

export function commandAbbrev(code: number, request: boolean): string {
  const c = cmdByCode.get(code);
  return c ? (request ? c.reqAbbrev : c.ansAbbrev) : String(code);
}

/**
 * Command by full name ('Update-Location-Request'), base name ('Update-Location')
 * or abbreviation ('ULR'; for abbreviations shared by two interfaces, e.g. PUR,
 * pass appId). Returns the code and whether it names the request.
 */
export function commandByName(name: string, appId?: number): { code: number; request: boolean; def: CommandDef } | undefined {
  let hit: { code: number; request: boolean; def: CommandDef } | undefined;
  for (const c of cmdByCode.values()) {
    let request: boolean | undefined;
    if (name === c.name + '-Request' || name === c.reqAbbrev || name === c.name) request = true;
    else if (name === c.name + '-Answer' || name === c.ansAbbrev) request = false;
    if (request === undefined) continue;
    if (appId === undefined || c.appId === appId) return { code: c.code, request, def: c };
    hit ??= { code: c.code, request, def: c };
  }
  return hit;
}

export function allCommands(): readonly CommandDef[] {
  return [...cmdByCode.values()];
}
