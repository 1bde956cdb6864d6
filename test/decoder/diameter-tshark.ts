/**
 * Test support (Node only): the Diameter messages of a capture as tshark
 * 4.0 reassembles them (`-T json -x`, field diameter_raw), so the Diameter
 * decoder can be checked on real bytes independently of Sigtrail's own
 * pcap/IP/SCTP/TCP layers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(new URL('../../..', import.meta.url).pathname, 'shared');
export const CAPTURES = join(SHARED, 'captures');
export const EXPECTED = join(SHARED, 'oracle', 'expected');

export const DIAMETER_CAPTURES = [
  'arkime__diameter_synthetic.pcap',
  'nDPI__diameter.pcap',
  'pypacker__packets_diameter.pcap',
  'open5gs__testattach.pcapng',
  'open5gs__testepc.pcapng',
  'open5gs__srsenb.pcapng',
  'open5gs__nonipsec_reg.pcapng',
  'open5gs__volte.pcapng',
  'magma__gx_gy_combined_03_210505_132953-1.pcapng',
  'magma__gx_gy_combined_04_210505_133027-1.pcapng',
  'magma__inbound_roaming_01_210505_130828-1.pcapng',
  'magma__nsa_connection.pcap',
];

export function tsharkAvailable(): boolean {
  const r = spawnSync('tshark', ['-v'], { encoding: 'utf8' });
  return r.status === 0;
}

export interface TsharkMessage {
  frame: number;
  msgIdx: number;
  bytes: Uint8Array;
}

function hexBytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16);
  return out;
}

/** Every Diameter message tshark dissects in `capture`, with its frame number and index in the frame. */
export function tsharkDiameterMessages(capture: string): TsharkMessage[] {
  const r = spawnSync(
    'tshark',
    ['-n', '-r', join(CAPTURES, capture), '-Y', 'diameter', '-T', 'json', '-x', '--no-duplicate-keys', '-J', 'frame diameter'],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`tshark failed on ${capture}: ${r.stderr}`);
  const pkts = JSON.parse(r.stdout) as { _source: { layers: Record<string, unknown> } }[];
  const out: TsharkMessage[] = [];
  for (const p of pkts) {
    const l = p._source.layers;
    const frame = Number((l['frame'] as Record<string, string>)['frame.number']);
    let raws = l['diameter_raw'] as unknown;
    if (raws === undefined) continue;
    // one message: [hex, pos, len, bitmask, type]; several: [[hex, …], [hex, …]]
    if (!Array.isArray((raws as unknown[])[0])) raws = [raws];
    (raws as unknown[][]).forEach((raw, i) => out.push({ frame, msgIdx: i, bytes: hexBytes(String(raw[0])) }));
  }
  return out;
}

/** Oracle rows of a capture keyed by 'frame/msg_idx', as column → value maps. */
export function expectedRows(capture: string): Map<string, Record<string, string>> {
  const p = join(EXPECTED, `${capture}.tsv`);
  const m = new Map<string, Record<string, string>>();
  if (!existsSync(p)) return m;
  const lines = readFileSync(p, 'utf8').split('\n').filter((l) => l.length > 0);
  const hdr = lines[0]!.split('\t');
  for (const line of lines.slice(1)) {
    const c = line.split('\t');
    const row: Record<string, string> = {};
    hdr.forEach((h, i) => (row[h] = c[i] ?? ''));
    m.set(`${row['frame.number']}/${row['msg_idx']}`, row);
  }
  return m;
}
