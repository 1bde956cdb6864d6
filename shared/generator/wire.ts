/**
 * The wire: schedules signaling messages in time, routes each onto the link a
 * probe at the home network's STPs/DRAs would see it on, and writes the capture
 * (pcap records with Ethernet/IPv4/SCTP, M3UA or Diameter) in time order.
 * Pending messages sit in a heap, so memory is bounded by the dialogues in flight.
 */
import type { ChunkBuffer } from '../encode/bytes.js';
import { SctpAssociation, writeChunkFrame, writeDataFrame, macFor, PPID_DIAMETER, PPID_M3UA, type Endpoint } from '../encode/sctp.js';
import { m3uaAspAc, m3uaAspAcAck, m3uaAspUp, m3uaAspUpAck, m3uaData, m3uaNotifyAsActive } from '../encode/m3ua.js';
import { sccpUnitdata, type SccpAddr } from '../encode/sccp.js';
import { diameterMessage, Avp, str, u32Avp, hostIp, s6aAppId, VENDOR_3GPP } from '../encode/diameter.js';
import type { Instance } from './labels.js';
import type { Link, Sp, World } from './world.js';
import { peerDra, peerStp } from './world.js';
import { Rng } from './prng.js';

/** What the generator put in one DATA frame (for tests comparing decoders and tshark with the truth). */
export interface FrameTruth {
  frame: number;
  ppid: number;
  opc?: number;
  dpc?: number;
  si?: number;
  called?: string;
  calling?: string;
  calledSsn?: number;
  callingSsn?: number;
  /** TCAP transaction ids (hex as tshark shows them) and local operation codes of the components. */
  otid?: string;
  dtid?: string;
  opcodes?: number[];
  diameterCmd?: number;
  /** ISUP message type and CIC. */
  isupType?: number;
  cic?: number;
}

interface Pending {
  truth?: Omit<FrameTruth, 'frame'>;
  t: number;
  seq: number;
  link: Link;
  dir: 0 | 1;
  ppid: number;
  stream: number;
  payload: Uint8Array;
  inst?: Instance;
}

interface LinkState {
  assoc: SctpAssociation;
  ep: [Endpoint, Endpoint];
  ipId: [number, number];
  up: boolean;
}

export interface Route {
  link: Link;
  dir: 0 | 1;
  opc: number;
  dpc: number;
  ni: number;
}

export class Wire {
  messages = 0;
  frames = 0;
  firstUs = -1;
  lastUs = 0;
  private heap: Pending[] = [];
  private seq = 0;
  private readonly state = new Map<number, LinkState>();
  private readonly linkIndex = new Map<string, Link>();
  private readonly internal = new Map<number, Link>();
  private readonly rng: Rng;
  /** Optional truth tap, called for every scheduled DATA frame as it is written. */
  onFrame?: (f: FrameTruth) => void;

  constructor(
    readonly world: World,
    private readonly out: ChunkBuffer,
  ) {
    this.rng = new Rng(world.seed ^ 0x77172e);
    for (const l of world.links) {
      this.linkIndex.set(`${l.kind}:${l.a.id}:${l.b.id}`, l);
      if (l.a.net.kind === 'home' && l.b.net.kind === 'home' && l.b.role !== 'stp') this.internal.set(l.b.id, l);
    }
  }

  get pending(): number {
    return this.heap.length;
  }

  /** Route of an SS7 message sent by SP `from` to SP `to`. */
  route(from: Sp, to: Sp, sls: number, kind: 'm3ua' | 'diameter' = 'm3ua'): Route {
    const fh = from.net.kind === 'home';
    const th = to.net.kind === 'home';
    if (fh && th) {
      // Both directions of a dialogue are seen on the same internal link: the one of the endpoint with the lower id.
      const [x, y] = from.id < to.id ? [from, to] : [to, from];
      const l = this.internal.get(x.id) ?? this.internal.get(y.id);
      if (!l) throw new Error(`no internal link for ${from.name} → ${to.name}`);
      const dir: 0 | 1 = l.b.id === from.id ? 1 : 0;
      return { link: l, dir, opc: dir ? l.b.pc : l.a.pc, dpc: dir ? l.a.pc : l.b.pc, ni: 2 };
    }
    const foreign = fh ? to : from;
    const carrier = foreign.net.via ?? foreign.net;
    const gws = carrier.homeGws!;
    const gw = kind === 'm3ua' ? gws[(sls >> 1) % gws.length]! : carrier.homeDra!;
    const peer = kind === 'm3ua' ? peerStp(foreign.net, sls) : peerDra(foreign.net);
    const l = this.linkIndex.get(`${kind}:${gw.id}:${peer.id}`);
    if (!l) throw new Error(`no ${kind} link ${gw.name} ↔ ${peer.name}`);
    const dir: 0 | 1 = fh ? 0 : 1;
    return { link: l, dir, opc: dir ? l.b.pc : l.a.pc, dpc: dir ? l.a.pc : l.b.pc, ni: 0 };
  }

  /** Schedules an SCCP (UDT/XUDT) message carrying `user` (TCAP) from SP `from` to SP `to`. */
  sccp(t: number, from: Sp, to: Sp, called: SccpAddr, calling: SccpAddr, user: Uint8Array, sls: number, inst?: Instance, xudt?: boolean, meta?: Pick<FrameTruth, 'otid' | 'dtid' | 'opcodes'>): Route {
    const r = this.route(from, to, sls);
    // Some networks' STPs send XUDT throughout (a per-network configuration, as in real interconnects).
    const useX = xudt || (r.ni === 0 && ((from.net.kind !== 'home' ? from.net.id : to.net.id) & 3) === 1);
    const s = sccpUnitdata({ called, calling, protocolClass: 1, returnOnError: true, ...(useX ? { xudtHopCounter: 12 + (sls & 3) } : {}) }, user);
    this.push(t, r, PPID_M3UA, sls, m3uaData({ opc: r.opc, dpc: r.dpc, si: 3, ni: r.ni, mp: 0, sls, routingContext: r.link.rc }, s), inst, this.onFrame ? { ppid: PPID_M3UA, opc: r.opc, dpc: r.dpc, si: 3, called: called.digits, calling: calling.digits, calledSsn: called.ssn, callingSsn: calling.ssn, ...meta } : undefined);
    return r;
  }

  isup(t: number, from: Sp, to: Sp, msg: Uint8Array, sls: number, inst?: Instance): Route {
    const r = this.route(from, to, sls);
    this.push(t, r, PPID_M3UA, sls, m3uaData({ opc: r.opc, dpc: r.dpc, si: 5, ni: r.ni, mp: 0, sls, routingContext: r.link.rc }, msg), inst, this.onFrame ? { ppid: PPID_M3UA, opc: r.opc, dpc: r.dpc, si: 5, isupType: msg[2]!, cic: msg[0]! | ((msg[1]! & 15) << 8) } : undefined);
    return r;
  }

  diameter(t: number, from: Sp, to: Sp, msg: Uint8Array, inst?: Instance): Route {
    const r = this.route(from, to, 0, 'diameter');
    this.push(t, r, PPID_DIAMETER, 0, msg, inst, this.onFrame ? { ppid: PPID_DIAMETER, diameterCmd: (msg[5]! << 16) | (msg[6]! << 8) | msg[7]! } : undefined);
    return r;
  }

  private push(t: number, r: Route, ppid: number, sls: number, payload: Uint8Array, inst?: Instance, truth?: Omit<FrameTruth, 'frame'>): void {
    const p: Pending = { t: Math.round(t), seq: this.seq++, link: r.link, dir: r.dir, ppid, stream: ppid === PPID_DIAMETER ? 0 : 1 + (sls % 15), payload };
    if (inst) p.inst = inst;
    if (truth) p.truth = truth;
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const j = (i - 1) >> 1;
      if (less(h[j]!, p)) break;
      h[i] = h[j]!;
      i = j;
    }
    h[i] = p;
  }

  private pop(): Pending | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r]!, h[l]!) ? r : l;
        if (less(last, h[c]!)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** Writes every pending message scheduled before `tUs`. */
  drain(tUs: number): void {
    while (this.heap.length && this.heap[0]!.t < tUs) this.emit(this.pop()!);
  }

  finish(): void {
    this.drain(Infinity);
    this.out.flush();
  }

  private emit(p: Pending): void {
    const st = this.linkState(p.link, p.t);
    const t = Math.max(p.t, this.lastUs);
    const src = st.ep[p.dir];
    const dst = st.ep[p.dir ? 0 : 1];
    const { tsn, ssn } = st.assoc.nextData(p.dir, p.stream);
    this.writeData(t, st, p.dir, src, dst, tsn, p.stream, ssn, p.ppid, p.payload);
    if (p.inst) p.inst.hit(this.frames, t);
    if (p.truth && this.onFrame) this.onFrame({ frame: this.frames, ...p.truth });
  }

  private writeData(t: number, st: LinkState, dir: 0 | 1, src: Endpoint, dst: Endpoint, tsn: number, stream: number, ssn: number, ppid: number, payload: Uint8Array): void {
    const sec = Math.floor(t / 1e6);
    writeDataFrame(this.out, sec, t - sec * 1e6, src, dst, st.ipId[dir]++, st.assoc.vtag(dir), tsn, stream, ssn, ppid, payload);
    this.frames++;
    this.messages++;
    this.lastUs = t;
    if (this.firstUs < 0) this.firstUs = t;
  }

  /** Association state of a link, writing its set-up (SCTP handshake, M3UA ASP up/active or Diameter CER/CEA) on first use. */
  private linkState(l: Link, t: number): LinkState {
    let st = this.state.get(l.id);
    if (st) return st;
    const port = l.kind === 'm3ua' ? 2905 : 3868;
    const ea: Endpoint = { ip: l.a.ip, port, mac: macFor(l.a.ip) };
    const eb: Endpoint = { ip: l.b.ip, port, mac: macFor(l.b.ip) };
    const r = this.rng;
    const assoc = new SctpAssociation(ea, eb, r.u32() || 1, r.u32() || 1, r.u32(), r.u32(), 17);
    st = { assoc, ep: [ea, eb], ipId: [r.int(65536), r.int(65536)], up: true };
    this.state.set(l.id, st);
    // Set-up frames in the 30 ms before the first message (never before what was already written).
    let ts = Math.max(this.lastUs, t - 30000);
    const step = (): number => (ts = Math.max(this.lastUs, ts + 1000 + r.int(800)));
    for (const s of assoc.setupChunks(r.bytes(36))) {
      const tt = step();
      const sec = Math.floor(tt / 1e6);
      writeChunkFrame(this.out, sec, tt - sec * 1e6, st.ep[s.dir], st.ep[s.dir ? 0 : 1], st.ipId[s.dir]++, s.vtag, s.chunk);
      this.frames++;
      this.lastUs = tt;
      if (this.firstUs < 0) this.firstUs = tt;
    }
    // The home side (a) initiates.
    const hbh = r.u32();
    const ctl: [0 | 1, Uint8Array, number][] =
      l.kind === 'm3ua'
        ? [
            [0, m3uaAspUp(), PPID_M3UA],
            [1, m3uaAspUpAck(), PPID_M3UA],
            [0, m3uaAspAc(l.rc), PPID_M3UA],
            [1, m3uaAspAcAck(l.rc), PPID_M3UA],
            [1, m3uaNotifyAsActive(l.rc), PPID_M3UA],
          ]
        : [
            [0, capabilities(l.a, true, hbh), PPID_DIAMETER],
            [1, capabilities(l.b, false, hbh), PPID_DIAMETER],
          ];
    for (const [dir, payload, ppid] of ctl) {
      const tt = step();
      const { tsn, ssn } = assoc.nextData(dir, 0);
      this.writeData(tt, st, dir, st.ep[dir], st.ep[dir ? 0 : 1], tsn, 0, ssn, ppid, payload);
    }
    return st;
  }
}

function less(a: Pending, b: Pending): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/** CER / CEA advertising S6a. */
function capabilities(self: Sp, request: boolean, h: number): Uint8Array {
  const avps = [
    ...(request ? [] : [u32Avp(Avp.ResultCode, 2001)]),
    str(Avp.OriginHost, self.host ?? `${self.name.toLowerCase()}.${self.net.realm}`),
    str(Avp.OriginRealm, self.net.realm),
    hostIp(self.ip),
    u32Avp(Avp.VendorId, VENDOR_3GPP),
    str(Avp.ProductName, 'sigtrail-sim'),
    u32Avp(Avp.SupportedVendorId, VENDOR_3GPP),
    s6aAppId(),
  ];
  return diameterMessage({ cmd: 257, appId: 0, request, proxiable: false, hopByHop: h, endToEnd: h ^ 0x5a5a }, avps);
}
