/**
 * ITU-T TCAP (Q.773) transaction and component portions, with the dialogue
 * portion (AARQ / AARE / ABRT of the dialogue-as-id abstract syntax).
 */
import { berInt, catList, oidContent, seq, tlv } from './bytes.js';

/** Dialogue-as-id (0.0.17.773.1.1.1). */
const DIALOGUE_AS_ID = '0.0.17.773.1.1.1';

export type Dialogue =
  | {
      kind: 'aarq';
      /** Dotted application-context name, or raw OID content octets (to build malformed names). */
      acn: string | Uint8Array;
      userInfo?: Uint8Array;
    }
  | { kind: 'aare'; acn: string | Uint8Array; result?: number; diagnostic?: number; userInfo?: Uint8Array }
  | { kind: 'abrt'; source?: number; userInfo?: Uint8Array };

export type Component =
  | { type: 'invoke'; invokeId: number; linkedId?: number; opcode: number | string; param?: Uint8Array }
  | { type: 'resultLast'; invokeId: number; opcode?: number; param?: Uint8Array }
  | { type: 'error'; invokeId: number; code: number; param?: Uint8Array }
  | { type: 'reject'; invokeId?: number; problemTag: number; problem: number };

function acnTlv(acn: string | Uint8Array): Uint8Array {
  return seq(0xa1, tlv(0x06, typeof acn === 'string' ? oidContent(acn) : acn));
}

const PROTO_VERSION = new Uint8Array([0x80, 0x02, 0x07, 0x80]);

export function dialoguePortion(d: Dialogue): Uint8Array {
  let pdu: Uint8Array;
  const ui = d.userInfo ? tlv(0xbe, d.userInfo) : undefined;
  if (d.kind === 'aarq') pdu = seq(0x60, PROTO_VERSION, acnTlv(d.acn), ui);
  else if (d.kind === 'aare')
    pdu = seq(0x61, PROTO_VERSION, acnTlv(d.acn), seq(0xa2, berInt(0x02, d.result ?? 0)), seq(0xa3, seq(0xa1, berInt(0x02, d.diagnostic ?? 0))), ui);
  else pdu = seq(0x64, tlv(0x80, [d.source ?? 0]), ui);
  return tlv(0x6b, seq(0x28, tlv(0x06, oidContent(DIALOGUE_AS_ID)), tlv(0xa0, pdu)));
}

/** EXTERNAL wrapper for a user-information value (e.g. MAP-DialoguePDU) of abstract syntax `oid`. */
export function userInformation(oid: string, value: Uint8Array): Uint8Array {
  return seq(0x28, tlv(0x06, oidContent(oid)), tlv(0xa0, value));
}

export function component(c: Component): Uint8Array {
  switch (c.type) {
    case 'invoke':
      return seq(
        0xa1,
        berInt(0x02, c.invokeId),
        c.linkedId !== undefined ? berInt(0x80, c.linkedId) : undefined,
        typeof c.opcode === 'number' ? berInt(0x02, c.opcode) : tlv(0x06, oidContent(c.opcode)),
        c.param,
      );
    case 'resultLast':
      return seq(0xa2, berInt(0x02, c.invokeId), c.opcode !== undefined ? seq(0x30, berInt(0x02, c.opcode), c.param) : undefined);
    case 'error':
      return seq(0xa3, berInt(0x02, c.invokeId), berInt(0x02, c.code), c.param);
    case 'reject':
      return seq(0xa4, c.invokeId !== undefined ? berInt(0x02, c.invokeId) : tlv(0x05, []), berInt(c.problemTag, c.problem));
  }
}

function tid(tag: number, v: number): Uint8Array {
  return tlv(tag, [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

function comps(c: Component[] | undefined): Uint8Array | undefined {
  return c && c.length ? tlv(0x6c, catList(c.map(component))) : undefined;
}

export function tcapBegin(otid: number, dialogue: Dialogue | undefined, components: Component[]): Uint8Array {
  return seq(0x62, tid(0x48, otid), dialogue ? dialoguePortion(dialogue) : undefined, comps(components));
}

export function tcapContinue(otid: number, dtid: number, dialogue: Dialogue | undefined, components: Component[]): Uint8Array {
  return seq(0x65, tid(0x48, otid), tid(0x49, dtid), dialogue ? dialoguePortion(dialogue) : undefined, comps(components));
}

export function tcapEnd(dtid: number, dialogue: Dialogue | undefined, components: Component[]): Uint8Array {
  return seq(0x64, tid(0x49, dtid), dialogue ? dialoguePortion(dialogue) : undefined, comps(components));
}

/** Abort: P-Abort with a cause (Q.773 P-AbortCause), or U-Abort with a dialogue portion. */
export function tcapAbort(dtid: number, reason: { pAbortCause: number } | { dialogue: Dialogue }): Uint8Array {
  if ('pAbortCause' in reason) return seq(0x67, tid(0x49, dtid), tlv(0x4a, [reason.pAbortCause]));
  return seq(0x67, tid(0x49, dtid), dialoguePortion(reason.dialogue));
}

/** Formats a transaction id the way tshark shows tcap.otid / tcap.dtid. */
export function tidHex(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}

