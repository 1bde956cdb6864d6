/**
 * Synthetic SigRecords with known dialogues, for store tests and the ingest
 * benchmark while real decoders are absent. Deterministic (seeded).
 *
 * Per TCAP dialogue: Begin (invoke) from the initiator, then either
 *  - Continue (responder) + End (initiator)            → outcome 'end'
 *  - End with returnResultLast (responder)             → outcome 'end'
 *  - End with returnError (responder)                  → outcome 'error'
 *  - Abort (responder)                                 → outcome 'abort'
 *  - nothing                                           → outcome 'timeout'
 * Diameter: ULR request + ULA answer (or no answer).
 */
import type { SigRecord } from '../../shared/model/record.js';

export interface SynthDialogue {
  kind: 'tcap' | 'diameter';
  outcome: 'end' | 'error' | 'abort' | 'timeout';
  otid?: string;
  frames: number[];
  imsi: string;
  messages: number;
}

export interface SynthResult {
  records: SigRecord[];
  dialogues: SynthDialogue[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const HLR_GT = '447700900001';
const VLRS = ['491720000001', '33612000001', '14155550001', '861390000001'];

/** Emits about `messages` records; `t0` epoch seconds. */
export function synthRecords(messages: number, seed = 1, t0 = 1781000000): SynthResult {
  const rnd = rng(seed);
  const records: SigRecord[] = [];
  const dialogues: SynthDialogue[] = [];
  let frame = 0;
  let t = t0;
  let tid = 0x10000 + Math.floor(rnd() * 1000);
  const open: { at: number; emit: () => void }[] = [];
  const push = (r: Omit<SigRecord, 'frame' | 'tsSec' | 'tsNsec' | 'fileOffset' | 'msgIdx'>, d: SynthDialogue): void => {
    frame++;
    t += 0.0005 + rnd() * 0.001;
    const tsSec = Math.floor(t);
    records.push({ frame, tsSec, tsNsec: Math.round((t - tsSec) * 1e9) % 1e9, fileOffset: 24 + frame * 180, msgIdx: 0, ...r });
    d.frames.push(frame);
    d.messages++;
  };
  while (records.length < messages) {
    // flush answers that are due
    for (let i = 0; i < open.length; ) {
      if (open[i]!.at <= frame) { open[i]!.emit(); open.splice(i, 1); } else i++;
    }
    const imsi = `26201${String(Math.floor(rnd() * 1e10)).padStart(10, '0')}`;
    const msisdn = `4917${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
    const vlr = VLRS[Math.floor(rnd() * VLRS.length)]!;
    if (rnd() < 0.15) {
      // Diameter ULR / ULA
      const hbh = Math.floor(rnd() * 0xffffffff), e2e = Math.floor(rnd() * 0xffffffff);
      const d: SynthDialogue = { kind: 'diameter', outcome: rnd() < 0.1 ? 'timeout' : rnd() < 0.1 ? 'error' : 'end', frames: [], imsi, messages: 0 };
      dialogues.push(d);
      const base = { transport: { proto: 'sctp' as const, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 3868, dstPort: 3868, stream: 0, ppid: 46 } };
      const mme = `mme${Math.floor(rnd() * 3)}.epc.mnc001.mcc262.3gppnetwork.org`;
      push({ compIdx: -1, protos: ['diameter'], ...base, diameter: { version: 1, flags: 0xc0, request: true, proxiable: true, error: false, retransmit: false, cmd: 316, cmdName: 'Update-Location-Request', cmdAbbrev: 'ULR', appId: 16777251, hopByHop: hbh, endToEnd: e2e, sessionId: `${mme};${hbh}`, originHost: mme, originRealm: 'epc.mnc001.mcc262.3gppnetwork.org', destRealm: 'epc.mnc010.mcc234.3gppnetwork.org', userName: imsi, imsi, visitedPlmnId: '26201', ulrFlags: 34, avps: [] } }, d);
      if (d.outcome !== 'timeout') {
        const at = frame + 1 + Math.floor(rnd() * 5);
        open.push({ at, emit: () => push({ compIdx: -1, protos: ['diameter'], ...base, diameter: { version: 1, flags: 0x40, request: false, proxiable: true, error: false, retransmit: false, cmd: 316, cmdName: 'Update-Location-Answer', cmdAbbrev: 'ULA', appId: 16777251, hopByHop: hbh, endToEnd: e2e, sessionId: `${mme};${hbh}`, originHost: 'hss1.epc.mnc010.mcc234.3gppnetwork.org', originRealm: 'epc.mnc010.mcc234.3gppnetwork.org', resultCode: d.outcome === 'error' ? 5001 : 2001, avps: [] } }, d) });
      }
      continue;
    }
    const r = rnd();
    const outcome: SynthDialogue['outcome'] = r < 0.5 ? 'end' : r < 0.7 ? 'error' : r < 0.85 ? 'abort' : 'timeout';
    const twoStep = outcome === 'end' && rnd() < 0.5;
    const otid = (tid++).toString(16).padStart(8, '0');
    const rtid = (0x80000000 + tid).toString(16);
    const d: SynthDialogue = { kind: 'tcap', outcome, otid, frames: [], imsi, messages: 0 };
    dialogues.push(d);
    const opc = 100 + VLRS.indexOf(vlr), dpc = 200;
    const fwd = { transport: { proto: 'sctp' as const, src: '10.1.0.1', dst: '10.1.0.2', srcPort: 2905, dstPort: 2905, stream: 1, ppid: 3 }, m3ua: { version: 1, cls: 1, type: 1, typeName: 'DATA', opc, dpc, si: 3, ni: 2, sls: 0 } };
    const rev = { transport: { proto: 'sctp' as const, src: '10.1.0.2', dst: '10.1.0.1', srcPort: 2905, dstPort: 2905, stream: 1, ppid: 3 }, m3ua: { version: 1, cls: 1, type: 1, typeName: 'DATA', opc: dpc, dpc: opc, si: 3, ni: 2, sls: 0 } };
    const toHlr = { type: 9, typeName: 'UDT', called: { routeOnSsn: false, ssn: 6, digits: HLR_GT, tt: 0, np: 1, nai: 4 }, calling: { routeOnSsn: false, ssn: 7, digits: vlr, tt: 0, np: 1, nai: 4 } };
    const toVlr = { type: 9, typeName: 'UDT', called: { routeOnSsn: false, ssn: 7, digits: vlr, tt: 0, np: 1, nai: 4 }, calling: { routeOnSsn: false, ssn: 6, digits: HLR_GT, tt: 0, np: 1, nai: 4 } };
    const protos = ['m3ua', 'sccp', 'tcap', 'gsm_map'];
    const invokeId = 1 + Math.floor(rnd() * 100);
    push({ compIdx: 0, protos, ...fwd, sccp: toHlr, tcap: { variant: 'itu', type: 'begin', otid, dialogue: 'aarq', acn: '0.4.0.0.1.0.1.3', acName: 'networkLocUp', acVersion: 3, componentCount: 1 }, component: { kind: 1, kindName: 'invoke', invokeId, opcode: 2 }, map: { opcode: 2, opName: 'updateLocation', isResult: false, imsi, mscNumber: vlr, vlrNumber: vlr } }, d);
    if (outcome === 'timeout') continue;
    const at = frame + 1 + Math.floor(rnd() * 6);
    open.push({
      at,
      emit: () => {
        if (outcome === 'abort') {
          push({ compIdx: -1, protos: ['m3ua', 'sccp', 'tcap'], ...rev, sccp: toVlr, tcap: { variant: 'itu', type: 'abort', dtid: otid, dialogue: 'abrt', componentCount: 0 } }, d);
        } else if (outcome === 'error') {
          push({ compIdx: 0, protos, ...rev, sccp: toVlr, tcap: { variant: 'itu', type: 'end', dtid: otid, componentCount: 1 }, component: { kind: 3, kindName: 'returnError', invokeId, errorCode: 1, errorName: 'unknownSubscriber' }, map: { errorCode: 1, errorName: 'unknownSubscriber' } }, d);
        } else if (twoStep) {
          push({ compIdx: 0, protos, ...rev, sccp: toVlr, tcap: { variant: 'itu', type: 'continue', otid: rtid, dtid: otid, dialogue: 'aare', componentCount: 1 }, component: { kind: 1, kindName: 'invoke', invokeId: 1, opcode: 7 }, map: { opcode: 7, opName: 'insertSubscriberData', isResult: false, msisdn } }, d);
          open.push({
            at: frame + 1 + Math.floor(rnd() * 3),
            emit: () => {
              push({ compIdx: 0, protos, ...fwd, sccp: toHlr, tcap: { variant: 'itu', type: 'continue', otid, dtid: rtid, componentCount: 1 }, component: { kind: 2, kindName: 'returnResultLast', invokeId: 1, opcode: 7 }, map: { opcode: 7, opName: 'insertSubscriberData', isResult: true } }, d);
              open.push({ at: frame + 1, emit: () => push({ compIdx: 0, protos, ...rev, sccp: toVlr, tcap: { variant: 'itu', type: 'end', dtid: otid, componentCount: 1 }, component: { kind: 2, kindName: 'returnResultLast', invokeId, opcode: 2 }, map: { opcode: 2, opName: 'updateLocation', isResult: true, hlrNumber: HLR_GT } }, d) });
            },
          });
        } else {
          push({ compIdx: 0, protos, ...rev, sccp: toVlr, tcap: { variant: 'itu', type: 'end', dtid: otid, componentCount: 1 }, component: { kind: 2, kindName: 'returnResultLast', invokeId, opcode: 2 }, map: { opcode: 2, opName: 'updateLocation', isResult: true, hlrNumber: HLR_GT } }, d);
        }
      },
    });
  }
  // drain answers still pending so that outcomes match the labels
  while (open.length) {
    const o = open.shift()!;
    o.emit();
  }
  return { records, dialogues };
}
