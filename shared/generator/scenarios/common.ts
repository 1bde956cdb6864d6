/** Helpers shared by the scenario builders: attacker presence, victim choice, look-alike context. */
import type { Difficulty, Instance } from '../labels.js';
import type { Net, Sp, Subscriber } from '../world.js';
import type { Party } from '../dialog.js';
import { hlrP, mscP, scfP, smscP, vlrP } from '../parties.js';
import type { ScenarioCtx } from './types.js';
import { registerLte, registerSubscriber } from '../traffic.js';

export interface Attacker {
  net: Net;
  /** Whether the attacker spoofs a partner's node addresses (evasive). */
  spoofed: boolean;
  hlr: Sp;
  msc: Sp;
  smsc: Sp;
  scf: Sp;
  mme?: Sp;
  hss?: Sp;
}

/**
 * Where the attacker sends from. obvious / blended: an unknown network reached
 * through an IPX carrier, with its own GTs; evasive: a roaming partner's node
 * addresses, sent through the same IPX carrier the partner uses.
 */
export function attacker(sc: ScenarioCtx, variant: Difficulty, inst: Instance, home?: Sp): Attacker {
  const { rng, world } = sc;
  if (variant === 'evasive') {
    const viaPartners = world.partners.filter((p) => p.via && p.mmes.length);
    const p = viaPartners.length ? rng.pick(viaPartners) : rng.pick(world.partners);
    const a: Attacker = { net: p, spoofed: true, hlr: rng.pick(p.hlrs), msc: rng.pick(p.mscs), smsc: rng.pick(p.smscs), scf: rng.pick(p.scfs), mme: p.mmes[0]!, hss: p.hsss[0]! };
    note(sc, inst, a, home);
    return a;
  }
  const r = variant === 'obvious' ? world.rogues[rng.int(world.rogues.length)]! : world.rogues[(rng.int(world.rogues.length - 1) + 1) % world.rogues.length]!;
  const a: Attacker = { net: r, spoofed: false, hlr: r.hlrs[0]!, msc: rng.pick(r.mscs), smsc: r.smscs[0]!, scf: r.scfs[0]!, mme: r.mmes[0]!, hss: r.hsss[0]! };
  note(sc, inst, a, home);
  return a;
}

function note(sc: ScenarioCtx, inst: Instance, a: Attacker, home?: Sp): void {
  const target = home ?? sc.world.home.hlrs[0]!;
  inst.pc = sc.wire.route(a.msc, target, 0).opc;
}

/** Records a GT (or Diameter identity) the attacker used. */
export function used(inst: Instance, p: Party | Sp): void {
  if ('ssn' in p) inst.gts.add(p.gt);
  else if (p.host) {
    inst.host = p.host;
    inst.realm = p.net.realm;
  } else inst.gts.add(p.gt);
}

export const A = {
  hlr: (a: Attacker): Party => hlrP(a.hlr),
  vlr: (a: Attacker): Party => vlrP(a.msc),
  msc: (a: Attacker): Party => mscP(a.msc),
  smsc: (a: Attacker): Party => smscP(a.smsc),
  scf: (a: Attacker): Party => scfP(a.scf),
};

/**
 * A home subscriber for the scenario, reserved so benign traffic does not move it.
 * With `t`, the subscriber's ordinary registration where it really is (SAI + UL,
 * and AIR + ULR for LTE) is scheduled some time before, unlabelled: the evidence a
 * network would have of where the subscriber is.
 */
export function victim(sc: ScenarioCtx, inst: Instance, pred?: (s: Subscriber) => boolean, t?: number): Subscriber {
  const { rng, world } = sc;
  let s: Subscriber | undefined;
  for (let i = 0; i < 200 && !s; i++) {
    const x = world.homeSubs[rng.int(world.homeSubs.length)]!;
    if (sc.benign.reserved.has(x.idx)) continue;
    if (pred && !pred(x)) continue;
    s = x;
  }
  s ??= world.homeSubs.find((x) => !sc.benign.reserved.has(x.idx) && (!pred || pred(x))) ?? world.homeSubs.find((x) => !sc.benign.reserved.has(x.idx))!;
  sc.benign.reserved.add(s.idx);
  inst.addVictim(s);
  if (t !== undefined) {
    const tc = Math.max(sc.start + 60e6, t - 600e6 - rng.int(3 * 3600e6));
    if (tc < t - 120e6) {
      registerSubscriber(sc, tc, s, s.msc);
      if (s.lte && s.mme) registerLte(sc, tc + 5e6 + rng.int(30e6), s, s.mme);
    }
  }
  return s;
}

export const atHome = (s: Subscriber): boolean => s.loc === s.net;
export const abroad = (s: Subscriber): boolean => s.loc !== s.net;

/** Gap between attack steps: tight for obvious, spread for blended, slow for evasive. */
export function gap(sc: ScenarioCtx, variant: Difficulty): number {
  const { rng } = sc;
  if (variant === 'obvious') return 2e6 + rng.int(20e6);
  if (variant === 'blended') return 60e6 + rng.int(400e6);
  return 600e6 + rng.int(1800e6);
}

export function number(net: Net, rng: { digits(n: number): string }): string {
  return net.msisdnPrefix + rng.digits(net.cc.length + net.nsn - net.msisdnPrefix.length);
}
