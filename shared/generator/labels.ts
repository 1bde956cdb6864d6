/** Ground-truth labels written next to a generated capture (labels.json). */

export type Difficulty = 'obvious' | 'blended' | 'evasive' | 'lookalike';

export interface LabelInstance {
  id: string;
  scenario: string;
  attack: string;
  category: string;
  difficulty: Difficulty;
  benign: boolean;
  attacker: { gts: string[]; pc: number | null; realm: string | null; host: string | null };
  victims: { imsi: string; msisdn: string }[];
  /** 1-based frame numbers as Wireshark numbers them. */
  frames: number[];
  start: number;
  end: number;
}

export interface Labels {
  generator: 'sigtrail';
  version: 1;
  seed: number;
  messages: number;
  frames: number;
  start: number;
  end: number;
  instances: LabelInstance[];
}

/** A running scenario instance: collects the frames that belong to it as they are written. */
export class Instance {
  readonly frames: number[] = [];
  start = Infinity;
  end = -Infinity;
  readonly gts = new Set<string>();
  pc: number | null = null;
  realm: string | null = null;
  host: string | null = null;
  readonly victims: { imsi: string; msisdn: string }[] = [];
  constructor(
    readonly id: string,
    readonly scenario: string,
    readonly attack: string,
    readonly category: string,
    readonly difficulty: Difficulty,
  ) {}

  addVictim(v: { imsi: string; msisdn: string }): void {
    if (!this.victims.some((x) => x.imsi === v.imsi)) this.victims.push({ imsi: v.imsi, msisdn: v.msisdn });
  }

  /** Called by the writer for every frame of the instance (µs timestamp). */
  hit(frame: number, tUs: number): void {
    this.frames.push(frame);
    const s = tUs / 1e6;
    if (s < this.start) this.start = s;
    if (s > this.end) this.end = s;
  }

  toJSON(): LabelInstance {
    return {
      id: this.id,
      scenario: this.scenario,
      attack: this.attack,
      category: this.category,
      difficulty: this.difficulty,
      benign: this.difficulty === 'lookalike',
      attacker: { gts: [...this.gts], pc: this.pc, realm: this.realm, host: this.host },
      victims: this.victims,
      frames: this.frames,
      start: Number.isFinite(this.start) ? round6(this.start) : 0,
      end: Number.isFinite(this.end) ? round6(this.end) : 0,
    };
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
