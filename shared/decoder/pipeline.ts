/**
 * Frame pipeline: capture packet → (link/IP/SCTP/TCP in ./net) → transport PDUs
 * → message layers through the dispatch tables → SigRecords.
 *
 * Never throws across a frame: a handler bug is caught and reported as a
 * per-frame error so the rest of the capture still decodes.
 */
import type { SigRecord, Stop } from '../model/record.js';
import type { RawPacket } from './capture/types.js';
import { TransportPdu } from './net/types.js';
import type { DecodeContext, DecodeOptions } from './context.js';
import { createContext } from './decoder.js';
import { NetDecoder } from './net/index.js';
import { newRecord } from './shapes.js';

export interface FrameResult {
  records: SigRecord[];
  /** Lower-layer problems (link, IP, SCTP, TCP) and decoder faults for this frame. */
  errors: Stop[];
}


/** FrameResult.errors of a frame without errors (most frames): one frozen list, not an array per frame. */
const NO_ERRORS: Stop[] = Object.freeze([] as Stop[]) as Stop[];

export class FrameDecoder {
  readonly ctx: DecodeContext;
  private readonly net: NetDecoder;
  private pkt!: RawPacket;
  /** This frame's errors: the shared empty list until the first one. */
  private errors: Stop[] = NO_ERRORS;
  private msgIdx = 0;
  private readonly onPdu = (pdu: TransportPdu): void => this.message(pdu);
  private readonly onError = (s: Stop): void => {
    if (this.errors === NO_ERRORS) this.errors = [];
    this.errors.push(s);
  };

  constructor(opts: Partial<DecodeOptions> = {}) {
    this.ctx = createContext(opts);
    // message() keeps nothing of a PDU object (its transport info goes into the record): one for all
    this.net = new NetDecoder(this.ctx.opts, this.ctx.state, true);
  }

  decode(pkt: RawPacket): FrameResult {
    const errors = this.run(pkt);
    return { records: this.ctx.out.slice(), errors };
  }

  /**
   * Like decode(), appending the frame's records to `records` instead of returning a
   * result (no list or result object per frame). Returns the frame's errors: a shared
   * frozen empty list when there are none.
   */
  decodeTo(pkt: RawPacket, records: SigRecord[]): readonly Stop[] {
    const errors = this.run(pkt);
    const out = this.ctx.out;
    for (let i = 0; i < out.length; i++) records.push(out[i]!);
    return errors;
  }

  private run(pkt: RawPacket): Stop[] {
    this.pkt = pkt;
    this.errors = NO_ERRORS;
    this.msgIdx = 0;
    // emptied with pop(): the length setter is a slow runtime call, and this runs once per frame
    const out = this.ctx.out;
    while (out.length > 0) out.pop();
    try {
      const lt = pkt.linkType;
      // link types whose payload is SS7 directly (MTP2 with pseudo-header, MTP2, MTP3)
      if (lt === 139 || lt === 140 || lt === 141) {
        this.ctx.cut = pkt.origLen > pkt.capLen ? pkt.origLen - pkt.capLen : 0;
        this.message(TransportPdu.of({ proto: 'link', linkType: pkt.linkType }, pkt.data), pkt.linkType);
      } else {
        this.ctx.cut = 0;
        this.net.decode(pkt, this.onPdu, this.onError);
      }
    } catch (e) {
      this.onError({ layer: 'link', reason: `decoder fault: ${e instanceof Error ? e.message : String(e)}`, offset: 0 });
    }
    return this.errors;
  }

  /** Dispatches by port: the lower of the two port numbers first, then the higher. */
  private byPort(table: 'sctp.port' | 'tcp.port', t: TransportPdu['transport'], b: Uint8Array, s: number, e: number): void {
    const d = t.dstPort, sp = t.srcPort;
    const lo = d === undefined || (sp !== undefined && sp < d) ? sp : d;
    const hi = lo === d ? sp : d;
    if (!(lo !== undefined && this.ctx.dispatchRange(table, lo, b, s, e))) if (hi !== undefined) this.ctx.dispatchRange(table, hi, b, s, e);
  }

  /** SCTP DATA chunks skipped as retransmissions (a TSN already seen on the association). */
  retransmissions = 0;

  private message(pdu: TransportPdu, link?: number): void {
    if (pdu.transport.retransmission) {
      // Wireshark does not dissect a retransmitted DATA chunk's payload, and a message sent
      // twice is one message: count it, do not emit it again.
      this.retransmissions++;
      return;
    }
    if (pdu.transport.heuristic && !this.ctx.opts.heuristics) return;
    const ctx = this.ctx;
    const p = this.pkt;
    const protos = ctx.protoScratch;
    while (protos.length > 0) protos.pop();
    const rec = newRecord(p.frame, p.tsSec, p.tsNsec, p.fileOffset, this.msgIdx, pdu.transport, protos);
    ctx.rec = rec;
    ctx.emitted = false;
    const before = ctx.out.length;
    try {
      const t = pdu.transport;
      const b = pdu.buf, s = pdu.start, e = pdu.end;
      if (link !== undefined) ctx.dispatch('link', link, pdu.data);
      else if (t.proto === 'sctp') {
        // PPID first; an unknown PPID falls back to the well-known port, the lower port number
        // first (as Wireshark's SCTP and TCP dissectors do, so both directions pick the same one).
        if (!(t.ppid !== undefined && ctx.dispatchRange('sctp.ppid', t.ppid, b, s, e))) this.byPort('sctp.port', t, b, s, e);
      } else if (t.heuristic === 'diameter') {
        ctx.dispatchRange('tcp.port', 3868, b, s, e);
      } else if (t.proto === 'tcp') {
        this.byPort('tcp.port', t, b, s, e);
      }
    } catch (e) {
      // A layer bug must not lose the frame: keep what decoded and say where it broke.
      ctx.stop((rec.protos[rec.protos.length - 1] as Stop['layer']) ?? 'link', `decoder fault: ${e instanceof Error ? e.message : String(e)}`, 0);
    }
    if (!ctx.emitted && rec.protos.length > 0) ctx.out.push(ctx.finish(rec));
    if (ctx.out.length > before) this.msgIdx++;
  }
}
