/**
 * Constructors of the hot record types with every field present in one fixed
 * order (absent ones undefined). Each type then has a single hidden class, so
 * the layer decoders' stores and the consumers' reads stay monomorphic and no
 * object changes shape (or grows its property backing store) while it is
 * filled. Typed against Required<…> so that a new field fails to compile here
 * until it is listed. Property names and value types are those of the model:
 * readers see the same record, apart from absent fields being own properties
 * whose value is undefined (JSON.stringify omits them).
 */
import type { SigRecord } from '../model/record.js';
import type { TransportInfo } from '../model/layers/transport.js';
import type { ComponentInfo, MapInfo, TcapInfo } from '../model/layers/tcap.js';
import type { M3uaInfo, SccpAddress, SccpInfo } from '../model/layers/ss7.js';

/**
 * `list` with `v` appended, creating it as a one-element literal when absent: an
 * array made by `[]` and push() gets room for 16 elements, most of these lists hold 1-2.
 */
export function append<T>(list: T[] | undefined, v: T): T[] {
  if (list === undefined) return [v];
  list.push(v);
  return list;
}

type Full<T> = { [K in keyof Required<T>]: T[K] };

/** A message record with no layer decoded yet; `protos` is its (empty) protocol list. */
export function newRecord(frame: number, tsSec: number, tsNsec: number, fileOffset: number, msgIdx: number, transport: TransportInfo | undefined, protos: string[] = []): SigRecord {
  const r: Full<SigRecord> = {
    frame,
    tsSec,
    tsNsec,
    fileOffset,
    msgIdx,
    compIdx: -1,
    protos,
    transport,
    m3ua: undefined,
    m2pa: undefined,
    m2ua: undefined,
    sua: undefined,
    mtp2: undefined,
    mtp3: undefined,
    sccp: undefined,
    isup: undefined,
    tcap: undefined,
    component: undefined,
    map: undefined,
    cap: undefined,
    diameter: undefined,
    stop: undefined,
    notes: undefined,
  };
  return r;
}

/** Per-component copy of a message record (what DecodeContext.fork does), with its own notes array; `protos` is its protocol list (default: a copy of b's). */
export function componentRecord(b: SigRecord, compIdx: number, component: ComponentInfo | undefined, protos: string[] = b.protos.slice()): SigRecord {
  const r: Full<SigRecord> = {
    frame: b.frame,
    tsSec: b.tsSec,
    tsNsec: b.tsNsec,
    fileOffset: b.fileOffset,
    msgIdx: b.msgIdx,
    compIdx,
    protos,
    transport: b.transport,
    m3ua: b.m3ua,
    m2pa: b.m2pa,
    m2ua: b.m2ua,
    sua: b.sua,
    mtp2: b.mtp2,
    mtp3: b.mtp3,
    sccp: b.sccp,
    isup: b.isup,
    tcap: b.tcap,
    component,
    map: undefined,
    cap: undefined,
    diameter: b.diameter,
    stop: b.stop,
    notes: b.notes ? b.notes.slice() : undefined,
  };
  return r;
}

export function newTcapInfo(variant: TcapInfo['variant'], type: string): TcapInfo {
  const t: Full<TcapInfo> = {
    variant,
    type,
    otid: undefined,
    dtid: undefined,
    dialogue: undefined,
    acn: undefined,
    acName: undefined,
    acVersion: undefined,
    dialogueResult: undefined,
    abortCause: undefined,
    dialogueDiagnostic: undefined,
    pAbortCause: undefined,
    mapDialogue: undefined,
    destinationReference: undefined,
    originatingReference: undefined,
    mapRefuseReason: undefined,
    e164: undefined,
    imsis: undefined,
    componentCount: 0,
    ansiPackage: undefined,
    ssn: undefined,
    user: undefined,
    flags: undefined,
  };
  return t;
}

export function newComponentInfo(kind: ComponentInfo['kind'], kindName: ComponentInfo['kindName']): ComponentInfo {
  const c: Full<ComponentInfo> = {
    kind,
    kindName,
    invokeId: undefined,
    linkedId: undefined,
    opcode: undefined,
    globalOpcode: undefined,
    errorCode: undefined,
    errorName: undefined,
    problem: undefined,
    globalErrorCode: undefined,
    ansiOpcode: undefined,
  };
  return c;
}

export function newSccpAddress(routeOnSsn: boolean): SccpAddress {
  const a: Full<SccpAddress> = { routeOnSsn, pc: undefined, ssn: undefined, gti: undefined, tt: undefined, np: undefined, es: undefined, nai: undefined, digits: undefined };
  return a;
}

export function newM3uaInfo(version: number, cls: number, type: number, typeName: string): M3uaInfo {
  const m: Full<M3uaInfo> = {
    version,
    cls,
    type,
    typeName,
    draft: undefined,
    routingContext: undefined,
    networkAppearance: undefined,
    opc: undefined,
    dpc: undefined,
    si: undefined,
    ni: undefined,
    mp: undefined,
    sls: undefined,
    params: undefined,
  };
  return m;
}

export function newSccpInfo(type: number, typeName: string, called: SccpAddress, calling: SccpAddress): SccpInfo {
  const s: Full<SccpInfo> = {
    type,
    typeName,
    protocolClass: undefined,
    returnOnError: undefined,
    hopCounter: undefined,
    returnCause: undefined,
    called,
    calling,
    segment: undefined,
    scmg: undefined,
    slr: undefined,
    dlr: undefined,
    cause: undefined,
    importance: undefined,
    dataLength: undefined,
    via: undefined,
  };
  return s;
}


/**
 * An empty MAP record part with every field present (undefined): the MAP decoder fills its
 * fields by name from the schema (out[f] = v), which on an object that grows from {} means a
 * hidden-class transition per field and one hidden class per combination of fields; on this
 * one shape each such store is a plain keyed store.
 */
export function newMapInfo(): MapInfo {
  const m: Full<MapInfo> = {
    opcode: undefined,
    opName: undefined,
    isResult: undefined,
    imsi: undefined,
    msisdn: undefined,
    mscNumber: undefined,
    vlrNumber: undefined,
    hlrNumber: undefined,
    sgsnNumber: undefined,
    gmscAddress: undefined,
    ggsnNumber: undefined,
    mlcNumber: undefined,
    serviceCentre: undefined,
    smRpDa: undefined,
    smRpOa: undefined,
    smRpDaKind: undefined,
    smRpOaKind: undefined,
    ssCode: undefined,
    ssName: undefined,
    forwardedToNumber: undefined,
    gsmScfAddress: undefined,
    requestingGsmScf: undefined,
    camelServiceKey: undefined,
    msrn: undefined,
    roamingNumber: undefined,
    cellGlobalId: undefined,
    lai: undefined,
    ageOfLocation: undefined,
    locationNumber: undefined,
    geoLat: undefined,
    geoLon: undefined,
    ussdDcs: undefined,
    ussdString: undefined,
    smsText: undefined,
    lmsi: undefined,
    errorCode: undefined,
    errorName: undefined,
    errorDetail: undefined,
    imei: undefined,
    requestedInfo: undefined,
    requestedVectors: undefined,
    vectors: undefined,
    subscriberState: undefined,
    alertReason: undefined,
    deliveryOutcome: undefined,
    cancellationType: undefined,
    smRpUi: undefined,
    acVersion: undefined,
    e164: undefined,
    imsis: undefined,
  };
  return m;
}
