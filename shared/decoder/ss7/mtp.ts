/**
 * MTP2 (Q.703, LINKTYPE_MTP2 / MTP2_WITH_PHDR) and MTP3 (Q.704 / ANSI T1.111)
 * routing label, plus the MTP3 network management / test user parts (SI 0-2,
 * Wireshark 'mtp3mg').
 */
import type { DecodeContext } from '../context.js';
import type { Mtp3Info } from '../../model/record.js';

const LSSU_STATUS = ['SIO', 'SIN', 'SIE', 'SIOS', 'SIPO', 'SIB'];

/** MTP2 signal unit: BSN/BIB, FSN/FIB, LI; an MSU's SIF goes to MTP3. */
export function mtp2(data: Uint8Array, ctx: DecodeContext): void {
  mtp2Unit(data, ctx, false);
}

/** LINKTYPE_MTP2_WITH_PHDR (139): 4-byte pseudo-header (sent, annex A used, link number LE) then MTP2. */
export function mtp2Phdr(data: Uint8Array, ctx: DecodeContext): void {
  if (data.length < 4) {
    ctx.rec.protos.push('mtp2');
    ctx.stop('mtp2', 'truncated MTP2 pseudo-header', 0);
    return;
  }
  const annexA = data[1] === 1;
  mtp2Unit(data.subarray(4), ctx, annexA);
  const m = ctx.rec.mtp2;
  if (m) {
    m.sent = data[0] !== 0;
    m.annexA = annexA;
    m.linkNumber = data[2]! | (data[3]! << 8);
  }
}

function mtp2Unit(d: Uint8Array, ctx: DecodeContext, annexA: boolean): void {
  const rec = ctx.rec;
  rec.protos.push('mtp2');
  const hl = annexA ? 6 : 3;
  if (d.length < hl) {
    ctx.stop('mtp2', 'truncated MTP2 header', 0);
    return;
  }
  let bsn: number, bib: number, fsn: number, fib: number, li: number;
  if (annexA) {
    const a = d[0]! | (d[1]! << 8), b = d[2]! | (d[3]! << 8);
    bsn = a & 0xfff;
    bib = (a >> 15) & 1;
    fsn = b & 0xfff;
    fib = (b >> 15) & 1;
    li = (d[4]! | (d[5]! << 8)) & 0x1ff;
  } else {
    bsn = d[0]! & 0x7f;
    bib = d[0]! >> 7;
    fsn = d[1]! & 0x7f;
    fib = d[1]! >> 7;
    li = d[2]! & 0x3f;
  }
  const unit = li === 0 ? 'FISU' : li <= 2 ? 'LSSU' : 'MSU';
  const info = (rec.mtp2 = { bsn, bib, fsn, fib, li, unit } as NonNullable<typeof rec.mtp2>);
  if (li === 0) return;
  if (li <= 2) {
    if (d.length <= hl) {
      ctx.stop('mtp2', 'truncated LSSU status field', hl);
      return;
    }
    const st = d[hl]! & 7;
    info.status = LSSU_STATUS[st] ?? `status ${st}`;
    return;
  }
  if (d.length <= hl) {
    ctx.stop('mtp2', 'MSU without service information octet', hl);
    return;
  }
  mtp3(d.subarray(hl), ctx);
}

/**
 * MTP3 message: SIO, routing label (ITU 4 octets / ANSI 7 octets), user part.
 * `data` starts at the service information octet.
 */
export function mtp3(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('mtp3');
  const ansi = ctx.opts.mtp3Variant === 'ansi';
  const need = ansi ? 8 : 5;
  if (d.length < need) {
    ctx.stop('mtp3', d.length === 0 ? 'missing service information octet' : 'truncated routing label', d.length);
    return;
  }
  const sio = d[0]!;
  const si = sio & 15;
  const ni = sio >> 6;
  let opc: number, dpc: number, sls: number;
  if (ansi) {
    dpc = d[1]! | (d[2]! << 8) | (d[3]! << 16);
    opc = d[4]! | (d[5]! << 8) | (d[6]! << 16);
    sls = d[7]!;
  } else {
    const v = (d[1]! | (d[2]! << 8) | (d[3]! << 16) | (d[4]! << 24)) >>> 0;
    dpc = v & 0x3fff;
    opc = (v >>> 14) & 0x3fff;
    sls = v >>> 28;
  }
  rec.mtp3 = { variant: ansi ? 'ansi' : 'itu', si, ni, opc, dpc, sls };
  ctx.dispatch('mtp3.si', si, d.subarray(need));
}

// ---- MTP3 management (SNM, SI 0) and testing (SLTM/SLTA, SI 1/2) ----

/** Heading names indexed by H0 then H1 (Q.704 §15 / Q.707). */
const SNM_NAMES: (string[] | undefined)[] = [
  undefined,
  ['', 'COO', 'COA', '', '', 'CBD', 'CBA'],
  ['', 'ECO', 'ECA'],
  ['', 'RCT', 'TFC'],
  ['', 'TFP', 'TCP', 'TFR', 'TCR', 'TFA', 'TCA'],
  ['', 'RST', 'RSR', 'RCP', 'RCR'],
  ['', 'LIN', 'LUN', 'LIA', 'LUA', 'LID', 'LFU', 'LLT', 'LRT'],
  ['', 'TRA', 'TRW'],
  ['', 'DLC', 'CSS', 'CNS', 'CNP'],
  undefined,
  ['', 'UPU'],
];
const SNT_NAMES: (string[] | undefined)[] = [undefined, ['', 'SLTM', 'SLTA']];

/** Wireshark 'mtp3mg': heading code H0/H1 and, for transfer/route messages, the concerned destination. */
export function mtp3mg(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('mtp3mg');
  const m3 = rec.mtp3;
  if (d.length < 1) {
    ctx.stop('mtp3', 'empty MTP3 management message', 0);
    return;
  }
  const h = d[0]!;
  const h0 = h & 15, h1 = h >> 4;
  const si = m3 ? m3.si : 0;
  const names = si === 0 ? SNM_NAMES[h0] : SNT_NAMES[h0];
  const name = names?.[h1] || `H0=${h0} H1=${h1}`;
  const mgmt: NonNullable<Mtp3Info['mgmt']> = { h0, h1, name };
  // TFP/TCP/TFR/TCR/TFA/TCA, RST/RSR/RCP/RCR, TFC carry a destination point code.
  if (si === 0 && (h0 === 4 || h0 === 5 || (h0 === 3 && h1 === 2))) {
    const ansi = ctx.opts.mtp3Variant === 'ansi';
    if (ansi && d.length >= 4) mgmt.affectedPc = d[1]! | (d[2]! << 8) | (d[3]! << 16);
    else if (!ansi && d.length >= 3) mgmt.affectedPc = (d[1]! | (d[2]! << 8)) & 0x3fff;
    else ctx.stop('mtp3', `truncated ${name}`, 1);
  }
  if (m3) m3.mgmt = mgmt;
}
