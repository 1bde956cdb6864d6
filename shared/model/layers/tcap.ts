/** TCAP, components and the component users MAP / CAP (owned by the TCAP/MAP/CAP decoder). */

export interface TcapInfo {
  variant: 'itu' | 'ansi';
  /** 'begin' | 'continue' | 'end' | 'abort' | 'unidirectional' (ITU); ANSI package names otherwise. */
  type: string;
  /** Transaction ids as lowercase hex without separators (like tshark). */
  otid?: string;
  dtid?: string;
  /** Dialogue portion. */
  dialogue?: 'aarq' | 'aare' | 'abrt' | 'audt' | 'aurq' | 'aure' | 'aabrt' | 'rlrq' | 'rlre';
  /** Application-context name as dotted OID, and the MAP/CAP application context short name and version when known. */
  acn?: string;
  acName?: string;
  acVersion?: number;
  /** AARE result / abort causes. */
  dialogueResult?: number;
  abortCause?: string;
  /** AARE result-source-diagnostic, e.g. 'dialogue-service-user: null'. */
  dialogueDiagnostic?: string;
  /** Abort message: P-AbortCause value (ITU) when present. */
  pAbortCause?: number;
  /** MAP dialogue (user-information, map-DialogueAS): map-open references and the MAP dialogue PDU name. */
  mapDialogue?: string;
  destinationReference?: string;
  originatingReference?: string;
  /** map-refuse reason (enumerated). */
  mapRefuseReason?: number;
  /** E.164 numbers / IMSIs found in the dialogue portion (tshark counts them for every component row of the message). */
  e164?: string[];
  imsis?: string[];
  /** Number of components in the message. */
  componentCount: number;
  /** ANSI: package type name ('queryWithPerm' …), transaction id(s) and, when present, the dialogue application context. */
  ansiPackage?: string;
  /** Which SCCP SSN selected TCAP ('*' when found by the payload heuristic on an SSN tshark leaves undecoded). */
  ssn?: number;
  /** Component user chosen for the components: 'gsm_map' | 'camel' | undefined (none). */
  user?: string;
  /**
   * Evasion / anomaly markers: 'global-opcode', 'no-dialogue', 'malformed-acn', 'multi-invoke',
   * 'unknown-tag', 'ber-error', 'heuristic' (TCAP found on an SSN that is not a TCAP SSN),
   * 'acn-from-dialogue' (no ACN in this message: taken from the Begin/Continue of the same transaction),
   * 'unknown-opcode' (a MAP operation code that TS 29.002 does not allocate),
   * 'duplicate-component' (byte-identical components), 'duplicate-invoke-id' (two invokes with one invoke id),
   * 'acn-mismatch' (an invoke whose operation the dialogue's MAP application context does not carry).
   */
  flags?: string[];
}

export interface ComponentInfo {
  /** 1 invoke, 2 returnResultLast, 3 returnError, 4 reject, 7 returnResultNotLast (Wireshark numbering). */
  kind: 1 | 2 | 3 | 4 | 7;
  kindName: 'invoke' | 'returnResultLast' | 'returnError' | 'reject' | 'returnResultNotLast';
  invokeId?: number;
  linkedId?: number;
  /** Local operation code. */
  opcode?: number;
  /** Global operation code (OID) when used instead of a local one: a known evasion trick. */
  globalOpcode?: string;
  errorCode?: number;
  errorName?: string;
  problem?: string;
  /** Global error code (OID) of a returnError. */
  globalErrorCode?: string;
  /** ANSI component: operation code family/specifier as one number (national/private). */
  ansiOpcode?: number;
}

/**
 * MAP component decoded into columns. All addresses are digit strings.
 * Fields are optional and filled only where the operation carries them.
 */
export interface MapInfo {
  opcode?: number;
  opName?: string;
  /** True for results (returnResult*), false for invokes. */
  isResult?: boolean;
  imsi?: string;
  msisdn?: string;
  mscNumber?: string;
  vlrNumber?: string;
  hlrNumber?: string;
  sgsnNumber?: string;
  gmscAddress?: string;
  /** GGSN number (sendRoutingInfoForGprs, failureReport) and GMLC/MLC number (LCS operations). */
  ggsnNumber?: string;
  mlcNumber?: string;
  serviceCentre?: string;
  smRpDa?: string;
  smRpOa?: string;
  /** SM-RP-DA/OA kind: 'imsi' | 'msisdn' | 'lmsi' | 'serviceCentre' | 'none'. */
  smRpDaKind?: string;
  smRpOaKind?: string;
  ssCode?: number;
  ssName?: string;
  forwardedToNumber?: string;
  /** gsmSCF of a CAMEL subscription (O-/T-/SMS-/GPRS-CSI TDP data in insertSubscriberData, SRI results …). */
  gsmScfAddress?: string;
  /** gsmSCF that sent an anyTimeInterrogation / anyTimeSubscriptionInterrogation / anyTimeModification (its identity, not subscription data). */
  requestingGsmScf?: string;
  camelServiceKey?: number;
  msrn?: string;
  roamingNumber?: string;
  cellGlobalId?: string;
  lai?: string;
  ageOfLocation?: number;
  locationNumber?: string;
  geoLat?: number;
  geoLon?: number;
  ussdDcs?: number;
  ussdString?: string;
  smsText?: string;
  lmsi?: string;
  errorCode?: number;
  errorName?: string;
  /** Decoded error parameter, e.g. 'absentSubscriberReason=purgedMS', 'sm-EnumeratedDeliveryFailureCause=memoryCapacityExceeded'. */
  errorDetail?: string;
  /** IMEI(SV) digits (checkIMEI, subscriber info). */
  imei?: string;
  /** provideSubscriberInfo / anyTimeInterrogation: requested items, comma-joined (e.g. 'locationInformation,subscriberState'). */
  requestedInfo?: string;
  /** sendAuthenticationInfo: vectors requested (argument) / returned (result). */
  requestedVectors?: number;
  vectors?: number;
  /** Subscriber state from subscriberInfo ('assumedIdle', 'camelBusy', 'netDetNotReachable', 'notProvidedFromVLR'). */
  subscriberState?: string;
  /** ReadyForSM alert reason, reportSM-DeliveryStatus outcome, cancelLocation cancellationType (enumerated values). */
  alertReason?: number;
  deliveryOutcome?: number;
  cancellationType?: number;
  /** SMS TPDU (sm-RP-UI) as lowercase hex. */
  smRpUi?: string;
  /** MAP application-context version the component was decoded with (1 when the dialogue has no ACN). */
  acVersion?: number;
  /** Every E.164 number in the component, in the order tshark fills e164.msisdn. */
  e164?: string[];
  /** Every IMSI in the component, in the order tshark fills e212.imsi. */
  imsis?: string[];
}

export interface CapInfo {
  opcode?: number;
  opName?: string;
  serviceKey?: number;
  callingPartyNumber?: string;
  calledPartyNumber?: string;
  calledPartyBcdNumber?: string;
  /** InitialDPArgExtension (CAP v3+) forwardingDestinationNumber, an ISUP called party number. */
  forwardingDestinationNumber?: string;
  /** InitialDPArgExtension gmscAddress. */
  gmscAddress?: string;
  destinationRoutingAddress?: string;
  imsi?: string;
  mscAddress?: string;
  cellGlobalId?: string;
  locationNumber?: string;
  eventTypeBcsm?: number;
  /** ISUP cause value of ReleaseCall. */
  releaseCause?: number;
  /** Location number and VLR number of InitialDP location information. */
  vlrNumber?: string;
  ageOfLocation?: number;
  /** InitialDPSMS: destination subscriber number, calling party, SMSC address. */
  smsDestination?: string;
  smscAddress?: string;
  /** ApplyCharging maxCallPeriodDuration (100 ms units). */
  maxCallPeriodDuration?: number;
  /** RequestReportBCSMEvent: armed event types. */
  bcsmEvents?: number[];
  errorName?: string;
  errorCode?: number;
  e164?: string[];
  imsis?: string[];
}
