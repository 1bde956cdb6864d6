import type { SigRecord } from '../../model/record.js';
import type { TsharkCells } from '../tshark-format.js';

/** Fills the oracle columns this family owns (see ../tshark-format.ts), formatted exactly as tshark 4.0 -T fields prints them. */
export function tcapTsharkColumns(_r: SigRecord, _c: TsharkCells): void {}
