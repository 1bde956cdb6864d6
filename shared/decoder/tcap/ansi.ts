/**
 * ANSI TCAP (T1.114) package decoder: package type, transaction ids, dialogue
 * application context, component types. Wireshark protocol name 'ansi_tcap'.
 * ANSI MAP (the component user) is not decoded: the message is one record.
 */
import type { DecodeContext } from '../context.js';
import type { ComponentInfo, TcapInfo } from '../../model/layers/tcap.js';
import { readTlv, tlv as tlvBinding, readOid, readUint, berErrorText, berErrOffset } from '../ber/ber.js';
import { toHex } from '../util/digits.js';
import { newComponentInfo, newTcapInfo } from '../shapes.js';

/** Local reference to the shared TLV scratch (avoids a live-binding getter per access in CJS-transpiled runs). */
const tlv = tlvBinding;

/** Package types by identifier octet (PRIVATE constructed). */
export const ANSI_PACKAGES: Record<number, string> = {
  0xe1: 'unidirectional',
  0xe2: 'queryWithPerm',
  0xe3: 'queryWithoutPerm',
  0xe4: 'response',
  0xe5: 'conversationWithPerm',
  0xe6: 'conversationWithoutPerm',
  0xf6: 'abort',
};

const COMP_KIND: Record<number, [ComponentInfo['kind'], ComponentInfo['kindName'], string]> = {
  0xe9: [1, 'invoke', 'invokeLast'],
  0xea: [2, 'returnResultLast', 'returnResultLast'],
  0xeb: [3, 'returnError', 'returnError'],
  0xec: [4, 'reject', 'reject'],
  0xed: [1, 'invoke', 'invokeNotLast'],
  0xee: [7, 'returnResultNotLast', 'returnResultNotLast'],
};

const P_ABORT = [
  'unrecognizedPackageType', 'incorrectTransactionPortion', 'badlyStructuredTransactionPortion', 'unassignedRespondingTransactionID',
  'permissionToReleaseProblem', 'resourceUnavailable', 'unrecognizedDialoguePortionID', 'badlyStructuredDialoguePortion',
  'missingDialoguePortion', 'inconsistentDialoguePortion',
];

function flag(t: TcapInfo, f: string): void {
  const a = t.flags;
  if (a === undefined) t.flags = [f];
  else if (!a.includes(f)) a.push(f);
}

export function isAnsiTcap(first: number): boolean {
  return ANSI_PACKAGES[first] !== undefined;
}

/**
 * Decodes an ANSI TCAP package. Every invoke component (with an operation
 * code) becomes its own record with protos …:ansi_tcap:ansi_map, as Wireshark
 * hands invokes to ansi_map whatever the SSN (checked on SSN 6 and 149);
 * ANSI MAP parameters are not decoded. `ssn` is kept for the record only.
 */
export function decodeAnsiTcap(b: Uint8Array, ctx: DecodeContext, ssn?: number): void {
  const rec = ctx.rec;
  const first = b[0]!;
  const pkg = ANSI_PACKAGES[first] ?? 'unknown';
  const t = newTcapInfo('ansi', pkg);
  t.ansiPackage = pkg;
  if (ssn !== undefined) t.ssn = ssn;
  rec.tcap = t;
  rec.protos.push('ansi_tcap');
  let e = readTlv(b, 0, b.length);
  if (e) {
    flag(t, 'ber-error');
    ctx.stop('tcap', `package: ${berErrorText(e)}`, berErrOffset);
    return;
  }
  const pe = tlv.ve;
  let p = tlv.vs;
  let stopped = false;
  const stop = (r: string, o: number): void => {
    if (!stopped) ctx.stop('tcap', r, o);
    stopped = true;
  };
  const comps: ComponentInfo[] = [];
  while (p < pe) {
    e = readTlv(b, p, pe);
    if (e) {
      flag(t, 'ber-error');
      stop(`${pkg}: ${berErrorText(e)}`, berErrOffset);
      break;
    }
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    p = tlv.next;
    switch (id) {
      case 0xc7: {
        // transaction id(s): originating then responding, 4 octets each in practice
        const n = ve - vs;
        if (n === 8) {
          t.otid = toHex(b, vs, vs + 4);
          t.dtid = toHex(b, vs + 4, ve);
        } else if (n > 0) {
          if (first === 0xe4 || first === 0xf6) t.dtid = toHex(b, vs, ve);
          else t.otid = toHex(b, vs, ve);
        }
        break;
      }
      case 0xf9:
        ansiDialogue(b, vs, ve, t);
        break;
      case 0xe8: {
        let q = vs;
        while (q < ve) {
          const e2 = readTlv(b, q, ve);
          if (e2) {
            flag(t, 'ber-error');
            stop(`component: ${berErrorText(e2)}`, berErrOffset);
            break;
          }
          const cid = b[q]!;
          const cs = tlv.vs, ce = tlv.ve;
          q = tlv.next;
          const k = COMP_KIND[cid];
          if (!k) {
            flag(t, 'unknown-tag');
            continue;
          }
          t.componentCount++;
          const ci = newComponentInfo(k[0], k[1]);
          ansiComponent(b, cs, ce, ci);
          comps.push(ci);
        }
        break;
      }
      case 0xd7: {
        const c = readUint(b, vs, ve);
        t.pAbortCause = c;
        t.abortCause = P_ABORT[c] ?? `p-abort ${c}`;
        break;
      }
      case 0xd8:
      case 0xf8:
        t.abortCause = 'user-abort';
        break;
      default:
        flag(t, 'unknown-tag');
        stop(`${pkg}: unexpected element 0x${id.toString(16)}`, p);
    }
  }
  const c0 = comps[0];
  if (c0) rec.component = c0;
  let n = 0;
  for (const c of comps) {
    if (c.kind !== 1 || c.opcode === undefined) continue;
    const r = ctx.fork();
    r.compIdx = n++;
    r.component = c;
    r.protos.push('ansi_map');
    ctx.emit(r);
  }
}

function ansiDialogue(b: Uint8Array, s: number, e: number, t: TcapInfo): void {
  let p = s;
  while (p < e) {
    if (readTlv(b, p, e)) return;
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    p = tlv.next;
    if (id === 0xdb) {
      // integer application context [PRIVATE 27]
      t.acn = String(readUint(b, vs, ve));
    } else if (id === 0xdc) {
      // object identifier application context [PRIVATE 28]
      const oid = readOid(b, vs, ve);
      if (oid) t.acn = oid;
      else flag(t, 'malformed-acn');
    }
  }
}

function ansiComponent(b: Uint8Array, s: number, e: number, c: ComponentInfo): void {
  let p = s;
  while (p < e) {
    if (readTlv(b, p, e)) return;
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    p = tlv.next;
    if (id === 0xcf) {
      // component IDs: invoke id [, correlation id]
      if (ve > vs) c.invokeId = b[vs]!;
      if (ve > vs + 1) c.linkedId = b[vs + 1]!;
    } else if (id === 0xd1 || id === 0xd0) {
      c.ansiOpcode = readUint(b, vs, ve);
      c.opcode = c.ansiOpcode;
    } else if (id === 0xd3 || id === 0xd4) {
      c.errorCode = readUint(b, vs, ve);
    } else if (id === 0xd5) {
      c.problem = `problem: ${readUint(b, vs, ve)}`;
    }
  }
}
