/** Scenario contract: a catalogue entry a trainer can read, and a builder that schedules one instance. */
import type { Ctx } from '../dialog.js';
import type { Difficulty, Instance } from '../labels.js';
import type { Benign } from '../traffic.js';

export interface CatalogueEntry {
  id: string;
  title: string;
  /** Attack type label (labels.json `attack`). */
  attack: string;
  /** GSMA FS.11 category, e.g. 'FS.11 Cat 1'. */
  category: string;
  /** What the attacker does, step by step. */
  steps: string[];
  /** Messages that prove it. */
  evidence: string[];
  /** MITRE ATT&CK Mobile technique ids (FiGHT adopts these ATT&CK techniques for the same behaviours). */
  mitre: string[];
  /** What distinguishes it from benign traffic. */
  distinguish: string;
  /** Variants this scenario is generated in. */
  variants: Difficulty[];
  /** What each variant changes. */
  variantNotes?: Partial<Record<Difficulty, string>>;
}

export interface ScenarioCtx extends Ctx {
  benign: Benign;
  /** Capture window, µs since the epoch. */
  start: number;
  end: number;
}

export interface ScenarioDef {
  meta: CatalogueEntry;
  /** Schedules one instance of `variant` starting at `t` (µs). */
  build(sc: ScenarioCtx, variant: Difficulty, t: number, inst: Instance): void;
  /** Hours the instance spans (for placement), default 1. */
  spanHours?: (variant: Difficulty) => number;
}
