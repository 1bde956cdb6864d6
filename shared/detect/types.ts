/** Detector contract: metadata + logic, driven by the engine over rows in time order. */
import type { MsgRow } from '../model/row.js';
import type { Alert, Severity } from '../model/alert.js';
import type { NetworkProfile } from '../model/profile.js';
import type { NetView } from './net.js';
import type { CaseState } from './state.js';

/** A messages-table row as detectors see it; `evidence_id` is set when read from a case. */
export type DetectRow = MsgRow & { evidence_id?: string | number | null };

export type TunableValue = number | string | boolean | string[] | number[];

export interface Tunable {
  default: TunableValue;
  description: string;
}

export interface DetectorMeta {
  /** Stable id, kebab-case; the registry refuses duplicates. */
  id: string;
  title: string;
  description: string;
  severity: Severity;
  /** 'FS.11 Cat 1' | 'FS.11 Cat 2' | 'FS.11 Cat 3' | 'FS.19' | 'behavioural' | 'baseline' | 'model' */
  category: string;
  /** MITRE ATT&CK Mobile / FiGHT technique ids. */
  techniques: string[];
  references: string[];
  falsePositives: string[];
  tunables: Record<string, Tunable>;
  /** True when the detector cannot judge without a network profile. */
  needsProfile: boolean;
}

/** What a detector hands the engine; the engine fills id, detector, category, frames, times. */
export interface AlertDraft {
  /** Dedup key within the detector (e.g. attacker|victim|op). Same key + same first frame → same alert id. */
  key: string;
  severity?: Severity;
  title?: string;
  techniques?: string[];
  /** Evidence rows, any order; frames and the time span come from them unless start/end are given. */
  rows: DetectRow[];
  start?: number;
  end?: number;
  attacker: Alert['attacker'];
  victim: Alert['victim'];
  explanation: string;
  facts?: Record<string, string | number | boolean>;
  /**
   * Episode merging: when set, a draft with the same key whose rows start within this many
   * seconds of the end of the previous alert for that key extends that alert instead of opening a new one.
   */
  merge?: number;
}

export interface DetectorContext {
  profile: NetworkProfile | null;
  net: NetView;
  state: CaseState;
  num(name: string): number;
  list(name: string): string[];
  bool(name: string): boolean;
  emit(draft: AlertDraft): void;
}

export interface DetectorInstance {
  /** Called for every row in time order, after the shared state has linked it to its request. */
  row(r: DetectRow): void;
  /** Called once after the last row (flush windows, baselines). */
  finish?(): void;
}

export interface Detector {
  meta: DetectorMeta;
  create(ctx: DetectorContext): DetectorInstance;
}

export interface SuppressRule {
  /** Detector id (omit for all). */
  detector?: string;
  /** Attacker GT prefix, point code, Diameter host or realm (omit for any). */
  attacker?: string;
  reason?: string;
}

export interface DetectConfig {
  /** Detector ids to run (default all). */
  only?: string[];
  /** Detector ids to skip. */
  disable?: string[];
  /** Per-detector tunable overrides: { "fs11-cat1": { "ops": ["anyTimeInterrogation"] } }. */
  tunables?: Record<string, Record<string, TunableValue>>;
  /** Drop alerts matching any rule. */
  suppress?: SuppressRule[];
  /** Attacker GT prefixes / hosts / realms that are never reported. */
  allowList?: string[];
  /** Evidence label used when a row has no evidence_id (e.g. the capture file name). */
  evidence?: string;
}
