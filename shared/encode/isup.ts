/** ISUP (ITU-T Q.763) messages for a basic call: IAM, ACM, ANM, REL, RLC. */
import { cat } from './bytes.js';

export const ISUP_IAM = 0x01;
export const ISUP_ACM = 0x06;
export const ISUP_ANM = 0x09;
export const ISUP_REL = 0x0c;
export const ISUP_RLC = 0x10;

function bcd(d: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i += 2) out.push((Number(d[i]) & 15) | (i + 1 < d.length ? (Number(d[i + 1]) & 15) << 4 : 0));
  return out;
}

/** Called party number parameter value (NAI 4 international, E.164, INN allowed). */
function calledNumber(d: string, nai = 4): number[] {
  return [((d.length & 1) << 7) | nai, 0x10, ...bcd(d)];
}
/** Calling party number (NAI 4, E.164, presentation allowed, network provided). */
function callingNumber(d: string, nai = 4): number[] {
  return [((d.length & 1) << 7) | nai, 0x13, ...bcd(d)];
}

function head(cic: number, type: number): number[] {
  return [cic & 255, (cic >> 8) & 0x0f, type];
}

/** IAM with called number (mandatory variable) and calling number (optional). */
export function isupIam(cic: number, called: string, calling?: string): Uint8Array {
  const cd = calledNumber(called);
  const opt: number[] = calling ? [0x0a, callingNumber(calling).length, ...callingNumber(calling), 0x00] : [];
  // fixed: NCI, FCI(2), CPC, TMR; pointers: called (2 = to after both pointers), optional
  const ptrCalled = 2;
  const ptrOpt = calling ? 1 + 1 + cd.length : 0;
  return new Uint8Array([...head(cic, ISUP_IAM), 0x00, 0x20, 0x01, 0x0a, 0x00, ptrCalled, ptrOpt, cd.length, ...cd, ...opt]);
}

export function isupAcm(cic: number): Uint8Array {
  // Backward call indicators: charge, subscriber free, ordinary subscriber, ISUP all the way.
  return new Uint8Array([...head(cic, ISUP_ACM), 0x16, 0x14, 0x00]);
}

export function isupAnm(cic: number): Uint8Array {
  return new Uint8Array([...head(cic, ISUP_ANM), 0x00]);
}

/** REL with a cause indicators value (location public network serving the remote user, ITU coding). */
export function isupRel(cic: number, cause = 16, location = 4): Uint8Array {
  return cat(head(cic, ISUP_REL), [0x02, 0x00, 0x02, 0x80 | location, 0x80 | cause]);
}

export function isupRlc(cic: number): Uint8Array {
  return new Uint8Array([...head(cic, ISUP_RLC), 0x00]);
}
