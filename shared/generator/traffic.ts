/**
 * Benign traffic: the dialogues a home network's interconnect and core carry
 * every day, with realistic mixes and errors. Each generator schedules one
 * complete dialogue (or a small chain) and returns how many messages it wrote.
 */
import * as M from '../encode/map.js';
import { CapOp, CAP_V2_GSMSSF_SCF, connectArg, initialDpArg } from '../encode/cap.js';
import { Avp, DiaCmd, VENDOR_3GPP, grouped, msisdnAvp, octets, str, u32Avp } from '../encode/diameter.js';
import { smsDeliver, smsSubmit, ussdPack } from '../encode/sms.js';
import { isupCall, mapRequest, openInfo, diaRequest, type Ctx } from './dialog.js';
import { capScfP, capSsfP, hlrP, locationOf, mscP, msrnOf, scfP, smscP, vlrP } from './parties.js';
import { travelHours } from './countries.js';
import { mgtFor, type Net, type Sp, type Subscriber } from './world.js';

const TEXTS = ['See you at 8', 'Call me back', 'On my way', 'Landed, all good', 'Your code is 482913', 'Meeting moved to 3pm', 'Happy birthday!', 'Ok', 'Thanks', 'Where are you?'];
const USSD = ['*100#', '*111#', '*123#', '*135#', '*145#'];

export class Benign {
  /** Subscribers a scenario uses: benign traffic does not move them. */
  readonly reserved = new Set<number>();
  private readonly kinds: [() => number, number][];

  constructor(private readonly ctx: Ctx) {
    this.kinds = [
      [() => this.outboundLu(), 5],
      [() => this.inboundLu(), 6],
      [() => this.internalLu(), 6],
      [() => this.mtCallToRoamingHome(), 4],
      [() => this.mtCallFromPartner(), 5],
      [() => this.mtCallToInboundRoamer(), 3],
      [() => this.smsToHomeSub(), 10],
      [() => this.smsFromHome(), 9],
      [() => this.moSmsAbroad(), 5],
      [() => this.moSmsInboundRoamer(), 5],
      [() => this.ussdAbroad(), 2],
      [() => this.camelAbroad(), 3],
      [() => this.lteOutbound(), 3],
      [() => this.lteInbound(), 4],
      [() => this.ltePurgeNotify(), 1.5],
      [() => this.hssIdr(), 0.4],
      [() => this.hssDsr(), 0.3],
      [() => this.hlrPsi(), 0.8],
      [() => this.scfAti(), 0.6],
      [() => this.purgeMs(), 1],
      [() => this.cfRegister(), 0.3],
    ];
  }

  private t = 0;

  /** Starts one benign dialogue at time t (µs); returns the messages scheduled. */
  run(t: number): number {
    this.t = t;
    return this.ctx.rng.weighted(this.kinds)();
  }

  private get w() {
    return this.ctx.world;
  }

  /** Picks a home subscriber; unless `quiet`, the activity shows where it is (so later travel stays plausible). */
  private homeSub(pred?: (s: Subscriber) => boolean, quiet = false): Subscriber | undefined {
    const subs = this.w.homeSubs;
    for (let i = 0; i < 12; i++) {
      const s = subs[this.ctx.rng.int(subs.length)]!;
      // A purged subscriber only comes back through a registration (quiet picks are the registrations).
      if (s.purged && !quiet) continue;
      if (!this.reserved.has(s.idx) && (!pred || pred(s))) {
        if (!quiet) s.seen = this.t;
        return s;
      }
    }
    return undefined;
  }
  private roamer(pred?: (s: Subscriber) => boolean): Subscriber | undefined {
    const subs = this.w.roamers;
    for (let i = 0; i < 12; i++) {
      const s = subs[this.ctx.rng.int(subs.length)]!;
      if (!this.reserved.has(s.idx) && (!pred || pred(s))) {
        s.seen = this.t;
        return s;
      }
    }
    return undefined;
  }
  /** Whether a subscriber last seen in its current network could be in `to` by now. */
  private canReach(s: Subscriber, to: Net): boolean {
    return this.t - Math.max(s.since, s.seen) >= travelHours(s.loc.country, to.country) * 3.6e9;
  }
  private abroad = (s: Subscriber): boolean => s.loc !== s.net;
  private rtt(): number {
    return 40000 + this.ctx.rng.int(220000);
  }

  // ---------- Location management ----------

  /** A home subscriber registers in a partner network it can plausibly have reached. */
  private outboundLu(): number {
    const { rng } = this.ctx;
    const s = this.homeSub(undefined, true);
    if (!s) return 0;
    let dest: Net;
    if (s.loc !== s.net && rng.chance(0.5)) dest = s.loc;
    else {
      const cands = this.w.partners.filter((p) => p !== s.loc && this.canReach(s, p));
      if (!cands.length) return this.internalLu();
      cands.sort((a, b) => travelHours(s.loc.country, a.country) - travelHours(s.loc.country, b.country));
      dest = cands[Math.min(cands.length - 1, Math.floor(rng.exp(3)))]!;
    }
    return registerSubscriber(this.ctx, this.t, s, rng.pick(dest.mscs)).count;
  }

  /** An inbound roamer registers (or moves) in the home network: home VLR → partner HLR. */
  private inboundLu(): number {
    const s = this.roamer();
    if (!s) return 0;
    return registerSubscriber(this.ctx, this.t, s, this.ctx.rng.pick(this.w.home.mscs)).count;
  }

  /** A home subscriber at home changes MSC/VLR (internal). */
  private internalLu(): number {
    const s = this.homeSub((x) => x.loc === x.net, true);
    if (!s) return 0;
    return registerSubscriber(this.ctx, this.t, s, this.ctx.rng.pick(this.w.home.mscs)).count;
  }

  // ---------- Calls ----------

  private gmsc(): Sp {
    return this.ctx.rng.pick(this.w.home.mscs);
  }

  /** A call to a home subscriber roaming abroad: SRI (internal), PRN to the visited VLR, ISUP to the MSRN. */
  private mtCallToRoamingHome(): number {
    const { rng } = this.ctx;
    const s = this.homeSub(this.abroad);
    if (!s) return this.mtCallFromPartner();
    const g = this.gmsc();
    let n = 0;
    let t = this.t;
    const absent = rng.chance(0.08);
    const msrn = msrnOf(this.ctx, s.msc);
    // SRI GMSC → HLR (called GT = MSISDN), HLR → VLR PRN nested in time.
    const sriT = t;
    t += 20000;
    const prn = mapRequest(this.ctx, { t, a: hlrP(s.hlr), b: vlrP(s.msc), op: M.MapOp.provideRoamingNumber, arg: M.provideRoamingNumberArg(s.imsi, s.msc.gt, s.msisdn, g.gt), ...(absent ? { error: M.MapErr.absentSubscriber } : { result: M.provideRoamingNumberRes(msrn) }) });
    n += prn.count;
    const sri = mapRequest(this.ctx, { t: sriT, a: mscP(g), b: hlrP(s.hlr), calledFirst: { digits: s.msisdn }, op: M.MapOp.sendRoutingInfo, arg: M.sendRoutingInfoArg(s.msisdn, g.gt), rtt: prn.end - sriT + 15000, ...(absent ? { error: M.MapErr.absentSubscriber } : { result: M.sendRoutingInfoRes(s.imsi, msrn) }) });
    n += sri.count;
    if (!absent) n += isupCall(this.ctx, sri.end + 30000, g, s.msc, msrn, this.randomNumber(), undefined, rng.chance(0.85)).count;
    return n;
  }

  /** A call from a partner network to a home subscriber at home: ISUP in, SRI + PRN internal. */
  private mtCallFromPartner(): number {
    const { rng } = this.ctx;
    const s = this.homeSub((x) => x.loc === x.net);
    if (!s) return 0;
    const p = rng.pick(this.w.partners);
    const pm = rng.pick(p.mscs);
    const g = this.gmsc();
    const msrn = msrnOf(this.ctx, s.msc);
    let n = 0;
    const iam = this.t;
    const t = iam + 5000;
    const prn = mapRequest(this.ctx, { t: t + 15000, a: hlrP(s.hlr), b: vlrP(s.msc), op: M.MapOp.provideRoamingNumber, arg: M.provideRoamingNumberArg(s.imsi, s.msc.gt, s.msisdn, g.gt), result: M.provideRoamingNumberRes(msrn), rtt: 30000 });
    const sri = mapRequest(this.ctx, { t, a: mscP(g), b: hlrP(s.hlr), calledFirst: { digits: s.msisdn }, op: M.MapOp.sendRoutingInfo, arg: M.sendRoutingInfoArg(s.msisdn, g.gt), result: M.sendRoutingInfoRes(s.imsi, msrn), rtt: prn.end - t + 10000 });
    n += prn.count + sri.count;
    n += isupCall(this.ctx, iam, pm, g, s.msisdn, p.msisdnPrefix + rng.digits(p.cc.length + p.nsn - p.msisdnPrefix.length), undefined, rng.chance(0.8)).count;
    return n;
  }

  /** A call to an inbound roamer: partner HLR asks the home VLR for an MSRN, then the call arrives by ISUP. */
  private mtCallToInboundRoamer(): number {
    const { rng } = this.ctx;
    const s = this.roamer();
    if (!s) return 0;
    const pg = rng.pick(s.net.mscs);
    const msrn = msrnOf(this.ctx, s.msc);
    const absent = rng.chance(0.07);
    const prn = mapRequest(this.ctx, { t: this.t, a: hlrP(s.hlr), b: vlrP(s.msc), op: M.MapOp.provideRoamingNumber, arg: M.provideRoamingNumberArg(s.imsi, s.msc.gt, s.msisdn, pg.gt), ...(absent ? { error: M.MapErr.absentSubscriber } : { result: M.provideRoamingNumberRes(msrn) }) });
    if (absent) return prn.count;
    return prn.count + isupCall(this.ctx, prn.end + 80000, pg, s.msc, msrn, this.randomNumber(), undefined, rng.chance(0.85)).count;
  }

  private randomNumber(): string {
    const n = this.ctx.rng.pick([this.w.home, ...this.w.partners]);
    return n.msisdnPrefix + this.ctx.rng.digits(n.cc.length + n.nsn - n.msisdnPrefix.length);
  }

  // ---------- SMS ----------

  /** Partner or hub SMSC delivers an SMS to a home subscriber: SRI-SM to the HLR (called GT = MSISDN), then MT-ForwardSM. */
  private smsToHomeSub(): number {
    const { rng } = this.ctx;
    const s = this.homeSub();
    if (!s) return 0;
    const src = rng.chance(0.3) ? rng.pick(this.w.hubs) : rng.pick(this.w.partners);
    const sc = rng.pick(src.smscs);
    return smsDelivery(this.ctx, this.t, sc, s, rng.pick(TEXTS), this.randomNumber()).count;
  }

  /** Home SMSC delivers to an inbound roamer (SRI-SM to partner HLR, MT-FSM internal) or to a home subscriber abroad. */
  private smsFromHome(): number {
    const { rng } = this.ctx;
    const s = rng.chance(0.55) ? this.roamer() : this.homeSub(this.abroad);
    if (!s) return 0;
    return smsDelivery(this.ctx, this.t, rng.pick(this.w.home.smscs), s, rng.pick(TEXTS), this.randomNumber()).count;
  }

  /** A home subscriber abroad sends an SMS: visited MSC → home SMSC. */
  private moSmsAbroad(): number {
    const { rng } = this.ctx;
    const s = this.homeSub(this.abroad);
    if (!s) return this.moSmsInboundRoamer();
    const sc = rng.pick(this.w.home.smscs);
    return mapRequest(this.ctx, { t: this.t, a: mscP(s.msc), b: smscP(sc), op: M.MapOp.moForwardSM, arg: M.moForwardSmArg(sc.gt, s.msisdn, smsSubmit(rng.int(256), this.randomNumber(), rng.pick(TEXTS)), s.imsi), result: null }).count;
  }

  private moSmsInboundRoamer(): number {
    const { rng } = this.ctx;
    const s = this.roamer();
    if (!s) return 0;
    const sc = rng.pick(s.net.smscs);
    return mapRequest(this.ctx, { t: this.t, a: mscP(s.msc), b: smscP(sc), op: M.MapOp.moForwardSM, arg: M.moForwardSmArg(sc.gt, s.msisdn, smsSubmit(rng.int(256), this.randomNumber(), rng.pick(TEXTS)), s.imsi), result: null }).count;
  }

  // ---------- USSD, CAMEL, SS ----------

  private ussdAbroad(): number {
    const { rng } = this.ctx;
    const s = this.homeSub(this.abroad);
    if (!s) return 0;
    return mapRequest(this.ctx, {
      t: this.t,
      a: vlrP(s.msc),
      b: hlrP(s.hlr),
      op: M.MapOp.processUnstructuredSSRequest,
      arg: M.ussdArg(ussdPack(rng.pick(USSD)), s.msisdn),
      result: M.ussdArg(ussdPack(`Balance ${rng.range(1, 80)}.${rng.range(10, 99)} EUR`)),
      userInfo: openInfo(s.imsi, s.msisdn),
      rtt: 400000 + rng.int(900000),
    }).count;
  }

  /** A prepaid home subscriber abroad calls: visited MSC (gsmSSF) → home gsmSCF InitialDP, answered with Continue or Connect. */
  private camelAbroad(): number {
    const { rng } = this.ctx;
    const s = this.homeSub((x) => x.loc !== x.net && x.prepaid);
    if (!s) return 0;
    const scf = rng.pick(this.w.home.scfs);
    const called = this.randomNumber();
    const connect = rng.chance(0.15);
    const r = mapRequest(this.ctx, {
      t: this.t,
      a: capSsfP(s.msc),
      b: capScfP(scf),
      op: CapOp.initialDP,
      acn: CAP_V2_GSMSSF_SCF,
      arg: initialDpArg({ serviceKey: 100 + (s.idx % 3), calling: s.msisdn, calledBcd: called, imsi: s.imsi, mscAddress: s.msc.gt }),
      // The gsmSCF ends the dialogue with Continue (or Connect to the translated number).
      endComps: [connect ? { type: 'invoke', invokeId: 1, opcode: CapOp.connect, param: connectArg(called) } : { type: 'invoke', invokeId: 1, opcode: CapOp.continue }],
    });
    return r.count;
  }

  private cfRegister(): number {
    const { rng } = this.ctx;
    const s = this.homeSub(this.abroad);
    if (!s) return 0;
    const ftn = this.w.home.msisdnPrefix + rng.digits(this.w.home.cc.length + this.w.home.nsn - this.w.home.msisdnPrefix.length);
    const code = rng.pick([M.SsCode.cfb, M.SsCode.cfnry, M.SsCode.cfnrc]);
    const a = mapRequest(this.ctx, { t: this.t, a: vlrP(s.msc), b: hlrP(s.hlr), op: M.MapOp.registerSS, arg: M.registerSsArg(code, ftn), result: M.ssInfoForwarding(code, ftn, false), userInfo: openInfo(s.imsi, s.msc.vlrGt) });
    const b = mapRequest(this.ctx, { t: a.end + 2e6, a: vlrP(s.msc), b: hlrP(s.hlr), op: M.MapOp.activateSS, arg: M.activateSsArg(code), result: M.ssInfoForwarding(code, ftn, true), userInfo: openInfo(s.imsi, s.msc.vlrGt) });
    return a.count + b.count;
  }

  // ---------- Legitimate location queries (look-alikes of tracking) ----------

  /** The home HLR asks the VLR serving a roaming home subscriber for its state (PSI), e.g. for a CAMEL service. */
  private hlrPsi(): number {
    const s = this.homeSub(this.abroad);
    if (!s) return 0;
    // Now and then a visited VLR rejects the request component (e.g. a parameter it does not support).
    const rej = this.ctx.rng.chance(0.05) ? { reject: 1 } : { result: M.subscriberInfoRes(locationOf(this.ctx, s.msc)) };
    return mapRequest(this.ctx, { t: this.t, a: hlrP(s.hlr), b: vlrP(s.msc), op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(s.imsi), ...rej }).count;
  }

  /** The home gsmSCF interrogates the home HLR (ATI) for a location-based service: internal. */
  private scfAti(): number {
    const s = this.homeSub();
    if (!s) return 0;
    const scf = this.ctx.rng.pick(this.w.home.scfs);
    return mapRequest(this.ctx, { t: this.t, a: scfP(scf), b: hlrP(s.hlr), op: M.MapOp.anyTimeInterrogation, arg: M.anyTimeInterrogationArg({ msisdn: s.msisdn }, scf.gt), result: M.subscriberInfoRes(locationOf(this.ctx, s.msc)) }).count;
  }

  /** A partner VLR purges a home subscriber that left it. */
  private purgeMs(): number {
    const s = this.homeSub(this.abroad);
    if (!s) return 0;
    const r = mapRequest(this.ctx, { t: this.t, a: vlrP(s.msc), b: hlrP(s.hlr), op: M.MapOp.purgeMS, arg: M.purgeMSArg(s.imsi, s.msc.vlrGt!), result: M.emptySeq() });
    s.purged = true;
    return r.count;
  }

  // ---------- Diameter S6a ----------

  private lteOutbound(): number {
    const { rng } = this.ctx;
    const s = this.homeSub((x) => x.lte, true);
    if (!s) return 0;
    let dest = s.loc;
    if (dest === s.net || rng.chance(0.3)) {
      const cands = this.w.partners.filter((p) => p.mmes.length && p !== s.loc && this.canReach(s, p));
      if (!cands.length) return 0;
      cands.sort((a, b) => travelHours(s.loc.country, a.country) - travelHours(s.loc.country, b.country));
      dest = cands[Math.min(cands.length - 1, Math.floor(rng.exp(3)))]!;
    }
    if (!dest.mmes.length) return 0;
    return registerLte(this.ctx, this.t, s, rng.pick(dest.mmes)).count;
  }

  private lteInbound(): number {
    const s = this.roamer((x) => x.lte && x.net.hsss.length > 0);
    if (!s) return 0;
    return registerLte(this.ctx, this.t, s, this.ctx.rng.pick(this.w.home.mmes)).count;
  }

  private ltePurgeNotify(): number {
    const { rng } = this.ctx;
    const s = this.homeSub((x) => x.lte && x.loc !== x.net && !!x.mme);
    if (!s || !s.mme) return 0;
    const purge = rng.chance(0.5);
    if (purge) s.purged = true;
    return diaRequest(this.ctx, {
      t: this.t,
      from: s.mme,
      to: s.hss,
      cmd: purge ? DiaCmd.PUR : DiaCmd.NOR,
      req: [str(Avp.UserName, s.imsi), u32Avp(purge ? Avp.PurFlags : Avp.NorFlags, purge ? 1 : 1, VENDOR_3GPP)],
      ans: purge ? [u32Avp(Avp.PuaFlags, 1, VENDOR_3GPP)] : [],
    }).count;
  }

  /** The home HSS withdraws part of a roaming subscriber's data at the visited MME (Delete-Subscriber-Data). */
  private hssDsr(): number {
    const s = this.homeSub((x) => x.lte && !!x.mme);
    if (!s || !s.mme) return 0;
    return diaRequest(this.ctx, { t: this.t, from: s.hss, to: s.mme, destHost: true, cmd: DiaCmd.DSR, req: [str(Avp.UserName, s.imsi), u32Avp(Avp.DsrFlags, 4, VENDOR_3GPP)] }).count;
  }

  /** The home HSS asks the visited MME for the EPS location of a home subscriber (IDR with location request): legitimate. */
  private hssIdr(): number {
    const s = this.homeSub((x) => x.lte && x.loc !== x.net && !!x.mme);
    if (!s || !s.mme) return 0;
    return idrLocation(this.ctx, this.t, s.hss, s.mme, s, undefined).count;
  }
}

/**
 * Registration of a subscriber at a new MSC/VLR: SAI then UL (with ISD inside
 * the dialogue), and cancelLocation of the previous VLR. Updates the state.
 */
export function registerSubscriber(ctx: Ctx, t0: number, s: Subscriber, msc: Sp, inst?: import('./labels.js').Instance, opts: { cancelOld?: boolean } = {}): { end: number; count: number } {
  const { rng } = ctx;
  const foreign = msc.net !== s.net;
  const called = foreign ? { digits: mgtFor(s), np: 7 } : undefined;
  let n = 0;
  const sai = mapRequest(ctx, { t: t0, a: vlrP(msc), b: hlrP(s.hlr), ...(called ? { calledFirst: called } : {}), op: M.MapOp.sendAuthenticationInfo, arg: M.sendAuthenticationInfoArg(s.imsi, rng.range(1, 3)), result: M.sendAuthenticationInfoRes((k) => rng.bytes(k), 1), ...(inst ? { inst } : {}) });
  n += sai.count;
  const old = s.msc;
  if (!inst && foreign && rng.chance(0.012)) {
    // Roaming refused (no agreement for this subscriber's service profile): the UL is rejected, nothing changes.
    const ul = mapRequest(ctx, { t: sai.end + 300000 + rng.int(2e6), a: vlrP(msc), b: hlrP(s.hlr), calledFirst: called!, op: M.MapOp.updateLocation, arg: M.updateLocationArg(s.imsi, msc.gt, msc.vlrGt!), error: M.MapErr.roamingNotAllowed });
    return { end: ul.end, count: n + ul.count };
  }
  const ul = mapRequest(ctx, {
    t: sai.end + 300000 + rng.int(2e6),
    a: vlrP(msc),
    b: hlrP(s.hlr),
    ...(called ? { calledFirst: called } : {}),
    op: M.MapOp.updateLocation,
    arg: M.updateLocationArg(s.imsi, msc.gt, msc.vlrGt!),
    middle: [
      { fromB: true, comps: [{ type: 'invoke', invokeId: 1, opcode: M.MapOp.insertSubscriberData, param: M.insertSubscriberDataArg({ msisdn: s.msisdn, ...(s.prepaid && s.net.scfs[0] ? { ocsi: { serviceKey: 100 + (s.idx % 3), gsmScf: s.net.scfs[0].gt } } : {}) }) }] },
      { fromB: false, comps: [{ type: 'resultLast', invokeId: 1, opcode: M.MapOp.insertSubscriberData, param: M.insertSubscriberDataRes() }] },
    ],
    result: M.updateLocationRes(s.hlr.gt),
    ...(inst ? { inst } : {}),
  });
  n += ul.count;
  let end = ul.end;
  if (old !== msc && opts.cancelOld !== false && (old.net.kind === 'home' || msc.net.kind === 'home' || s.net.kind === 'home')) {
    // The HLR cancels the old registration (only visible when the HLR or the old VLR is on our side).
    if (old.net.kind === 'home' || s.hlr.net.kind === 'home') {
      const cl = mapRequest(ctx, { t: ul.end + 20000 + rng.int(200000), a: hlrP(s.hlr), b: vlrP(old), op: M.MapOp.cancelLocation, arg: M.cancelLocationArg(s.imsi, 0), result: null, ...(inst ? { inst } : {}) });
      n += cl.count;
      end = cl.end;
    }
  }
  if (s.lte && s.mme && s.mme.net !== msc.net && msc.net.mmes.length) s.mme = rng.pick(msc.net.mmes);
  s.purged = false;
  s.msc = msc;
  s.loc = msc.net;
  s.since = t0;
  return { end, count: n };
}

/** SRI-for-SM then MT-ForwardSM from SMSC `sc` to subscriber `s` (errors for absent/unknown subscribers). */
export function smsDelivery(ctx: Ctx, t: number, sc: Sp, s: Subscriber, text: string, from: string, inst?: import('./labels.js').Instance, opts: { deliverTo?: Sp } = {}): { end: number; count: number } {
  const { rng } = ctx;
  const err = rng.weighted<number | undefined>([[undefined, 0.9], [M.MapErr.absentSubscriberSM, 0.07], [M.MapErr.unknownSubscriber, 0.01], [M.MapErr.teleserviceNotProvisioned, 0.02]]);
  const target = opts.deliverTo ?? s.msc;
  if (!inst && rng.chance(0.006)) {
    // The HLR side aborts the dialogue (overload / unrecognised transaction): an ordinary TCAP P-Abort.
    return mapRequest(ctx, { t, a: smscP(sc), b: hlrP(s.hlr), calledFirst: { digits: s.msisdn }, op: M.MapOp.sendRoutingInfoForSM, arg: M.sriForSmArg(s.msisdn, sc.gt), abort: true });
  }
  const sri = mapRequest(ctx, { t, a: smscP(sc), b: hlrP(s.hlr), calledFirst: { digits: s.msisdn }, op: M.MapOp.sendRoutingInfoForSM, arg: M.sriForSmArg(s.msisdn, sc.gt), ...(err !== undefined && !opts.deliverTo ? { error: err } : { result: M.sriForSmRes(s.imsi, target.gt) }), ...(inst ? { inst } : {}) });
  if (err === M.MapErr.absentSubscriberSM && !opts.deliverTo && rng.chance(0.7)) {
    // The SMSC asks the HLR to set the message-waiting flag (reportSM-DeliveryStatus, outcome absentSubscriber).
    const r = mapRequest(ctx, { t: sri.end + 20000 + rng.int(200000), a: smscP(sc), b: hlrP(s.hlr), calledFirst: { digits: s.msisdn }, op: M.MapOp.reportSmDeliveryStatus, arg: M.reportSmDeliveryStatusArg(s.msisdn, sc.gt, 1), result: null });
    return { end: r.end, count: sri.count + r.count };
  }
  if (err !== undefined && !opts.deliverTo) return sri;
  // The MT-FSM is only on our wire when the SMSC or the serving MSC is ours.
  if (sc.net.kind !== 'home' && target.net.kind !== 'home') return sri;
  const mt = mapRequest(ctx, {
    t: sri.end + 50000 + rng.int(400000),
    a: smscP(sc),
    b: mscP(target),
    op: M.MapOp.mtForwardSM,
    arg: M.mtForwardSmArg(s.imsi, sc.gt, smsDeliver(from, text, Math.floor(t / 1e6))),
    ...(rng.chance(0.03) && !opts.deliverTo ? { error: M.MapErr.absentSubscriberSM } : { result: null }),
    ...(inst ? { inst } : {}),
  });
  return { end: mt.end, count: sri.count + mt.count };
}

/** LTE registration: AIR then ULR from the MME to the subscriber's HSS, CLR to the previous MME. */
export function registerLte(ctx: Ctx, t: number, s: Subscriber, mme: Sp, inst?: import('./labels.js').Instance): { end: number; count: number } {
  const { rng } = ctx;
  const plmn = M.plmnId(mme.net.mcc, mme.net.mnc);
  const air = diaRequest(ctx, {
    t,
    from: mme,
    to: s.hss,
    cmd: DiaCmd.AIR,
    req: [str(Avp.UserName, s.imsi), grouped(Avp.RequestedEutranAuthInfo, [u32Avp(Avp.NumberOfRequestedVectors, 1, VENDOR_3GPP), u32Avp(Avp.ImmediateResponsePreferred, 0, VENDOR_3GPP)], VENDOR_3GPP), octets(Avp.VisitedPlmnId, plmn, VENDOR_3GPP)],
    ans: [grouped(Avp.AuthenticationInfo, [grouped(Avp.EutranVector, [octets(Avp.Rand, rng.bytes(16), VENDOR_3GPP), octets(Avp.Xres, rng.bytes(8), VENDOR_3GPP), octets(Avp.Autn, rng.bytes(16), VENDOR_3GPP), octets(Avp.Kasme, rng.bytes(32), VENDOR_3GPP)], VENDOR_3GPP)], VENDOR_3GPP)],
    ...(inst ? { inst } : {}),
  });
  const ulr = diaRequest(ctx, {
    t: air.end + 200000 + rng.int(800000),
    from: mme,
    to: s.hss,
    cmd: DiaCmd.ULR,
    req: [str(Avp.UserName, s.imsi), u32Avp(Avp.RatType, 1004, VENDOR_3GPP), u32Avp(Avp.UlrFlags, 34, VENDOR_3GPP), octets(Avp.VisitedPlmnId, plmn, VENDOR_3GPP)],
    ans: [u32Avp(Avp.UlaFlags, 1, VENDOR_3GPP), grouped(Avp.SubscriptionData, [msisdnAvp(s.msisdn), u32Avp(Avp.SubscriberStatus, 0, VENDOR_3GPP)], VENDOR_3GPP)],
    ...(inst ? { inst } : {}),
  });
  let n = air.count + ulr.count;
  let end = ulr.end;
  const old = s.mme;
  if (old && old !== mme && (old.net.kind === 'home' || s.hss.net.kind === 'home')) {
    const clr = diaRequest(ctx, { t: ulr.end + 30000 + rng.int(100000), from: s.hss, to: old, destHost: true, cmd: DiaCmd.CLR, req: [str(Avp.UserName, s.imsi), u32Avp(Avp.CancellationType, 0, VENDOR_3GPP)], ...(inst ? { inst } : {}) });
    n += clr.count;
    end = clr.end;
  }
  // Combined EPS/IMSI attach: the circuit-switched side (SGs) follows to the same network.
  if (s.msc.net !== mme.net && mme.net.mscs.length) s.msc = rng.pick(mme.net.mscs);
  s.purged = false;
  s.mme = mme;
  s.loc = mme.net;
  s.since = t;
  return { end, count: n };
}

/** IDR with an EPS location request (IDR-Flags: EPS Location Information Request + Current Location Request). */
export function idrLocation(ctx: Ctx, t: number, from: Sp, mme: Sp, s: Subscriber, inst?: import('./labels.js').Instance, origin?: { host: string; realm: string }): { end: number; count: number } {
  const { rng } = ctx;
  const plmn = M.plmnId(mme.net.mcc, mme.net.mnc);
  const ecgi = [...plmn, rng.int(16), rng.int(256), rng.int(256), rng.int(256)];
  const tai = [...plmn, rng.int(256), rng.int(256)];
  return diaRequest(ctx, {
    t,
    from,
    to: mme,
    destHost: true,
    cmd: DiaCmd.IDR,
    req: [str(Avp.UserName, s.imsi), grouped(Avp.SubscriptionData, [u32Avp(Avp.SubscriberStatus, 0, VENDOR_3GPP)], VENDOR_3GPP), u32Avp(Avp.IdrFlags, 8 | 16, VENDOR_3GPP)],
    ans: [grouped(Avp.EpsLocationInformation, [grouped(Avp.MmeLocationInformation, [octets(Avp.EutranCellGlobalIdentity, ecgi, VENDOR_3GPP), octets(Avp.TrackingAreaIdentity, tai, VENDOR_3GPP), u32Avp(Avp.AgeOfLocationInformation, rng.int(20), VENDOR_3GPP)], VENDOR_3GPP)], VENDOR_3GPP)],
    ...(inst ? { inst } : {}),
    ...(origin ? { origin } : {}),
  });
}

export { connectArg, CapOp };
