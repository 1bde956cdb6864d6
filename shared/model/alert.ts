/** An alert raised by a detector, stored in the case's `alerts` table. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export interface EvidenceRef {
  /** Evidence file id in the case (evidence.id), or the file name outside a case. */
  evidence: string;
  frame: number;
}

export interface Alert {
  /** Stable id: hash of detector + key + first frame, so re-running detection does not duplicate. */
  id: string;
  detector: string;
  title: string;
  severity: Severity;
  /** e.g. 'FS.11 Cat 1', 'FS.11 Cat 2', 'FS.11 Cat 3', 'FS.19', 'behavioural', 'baseline', 'model'. */
  category: string;
  /** MITRE ATT&CK Mobile / FiGHT technique ids. */
  techniques: string[];
  /** Epoch seconds. */
  start: number;
  end: number;
  attacker: { gt?: string; pc?: number; host?: string; realm?: string; network?: string; country?: string };
  victim: { imsi?: string; msisdn?: string };
  frames: EvidenceRef[];
  /** Human-readable rule trace. */
  explanation: string;
  /** Detector-specific extra facts (scores, counts). */
  facts?: Record<string, string | number | boolean>;
}

export type TriageStatus = 'new' | 'investigating' | 'confirmed' | 'false-positive' | 'closed';

export interface AlertTriage {
  alertId: string;
  status: TriageStatus;
  tags: string[];
  note: string;
  updatedAt: number;
}
