/**
 * Diameter decoder against tshark 4.0 on the 12 Diameter captures of the
 * corpus. The messages are taken as tshark reassembles them (`-T json -x`,
 * field diameter_raw), so the Diameter layer is checked on real bytes
 * independently of Sigtrail's own pcap/IP/SCTP/TCP layers:
 *  - the oracle columns (../shared/oracle/expected) of every message;
 *  - the whole AVP tree (names in order, leaf values) against tshark's PDML.
 * Skipped with a reason when tshark is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDiameter } from '../../shared/decoder/diameter/decode.js';
import { diameterTsharkColumns } from '../../shared/decoder/diameter/tshark.js';
import { avpDef } from '../../shared/decoder/diameter/dictionary.js';
import type { TsharkCells } from '../../shared/decoder/tshark-format.js';
import type { SigRecord, DiameterAvp } from '../../shared/model/record.js';

const SHARED = resolve(new URL('../../..', import.meta.url).pathname, 'shared');
const CAPTURES = join(SHARED, 'captures');
const EXPECTED = join(SHARED, 'oracle', 'expected');

const DIAMETER_CAPTURES = [
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

function tsharkAvailable(): boolean {
  const r = spawnSync('tshark', ['-v'], { encoding: 'utf8' });
  return r.status === 0;
}

interface TsharkMessage {
  frame: number;
  msgIdx: number;
  bytes: Uint8Array;
}

function hexBytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16);
  return out;
}

const extracted = new Map<string, TsharkMessage[]>();

/** Every Diameter message tshark dissects in `capture`, with its frame number and index in the frame (one tshark run per capture). */
function tsharkDiameterMessages(capture: string): TsharkMessage[] {
  let msgs = extracted.get(capture);
  if (!msgs) extracted.set(capture, (msgs = extractMessages(capture)));
  return msgs;
}

function extractMessages(capture: string): TsharkMessage[] {
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
function expectedRows(capture: string): Map<string, Record<string, string>> {
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

// ------------------------------------------------------------------ checks

interface PdmlField {
  name: string;
  show: string;
  value: string;
}

/** Per Diameter message (same order as tsharkDiameterMessages), the AVP fields tshark shows, in tree order. */
function tsharkAvpFields(capture: string): PdmlField[][] {
  const r = spawnSync('tshark', ['-n', '-r', join(CAPTURES, capture), '-Y', 'diameter', '-T', 'pdml'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`tshark failed on ${capture}: ${r.stderr}`);
  const out: PdmlField[][] = [];
  const protoRe = /<proto name="diameter"[\s\S]*?(?=\n  <proto name=|<\/packet>)/g;
  const fieldRe = /<field name="(diameter\.[A-Z0-9][^".]*)"[^>]*?show="([^"]*)"(?:[^>]*?value="([^"]*)")?/g;
  const unescape = (s: string): string =>
    s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const m of r.stdout.matchAll(protoRe)) {
    const fields: PdmlField[] = [];
    for (const f of m[0].matchAll(fieldRe)) fields.push({ name: f[1]!.slice(9), show: unescape(f[2]!), value: f[3] ?? '' });
    out.push(fields);
  }
  return out;
}

const COLUMNS = [
  'e212.imsi', 'e164.msisdn', 'diameter.cmd.code', 'diameter.flags.request', 'diameter.applicationId',
  'diameter.hopbyhopid', 'diameter.endtoendid', 'diameter.Session-Id', 'diameter.User-Name', 'diameter.Result-Code',
] as const;

function flat(avps: DiameterAvp[], out: DiameterAvp[] = []): DiameterAvp[] {
  for (const a of avps) {
    out.push(a);
    if (a.children) flat(a.children, out);
  }
  return out;
}

/** tshark shows Address AVPs as bytes (optionally with the 2-byte family); Sigtrail renders the IP. */
function addressMatches(mine: string, hex: string): boolean {
  let h: string;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(mine)) h = mine.split('.').map((x) => Number(x).toString(16).padStart(2, '0')).join('');
  else if (mine.includes(':')) {
    const [l, r = ''] = mine.split('::');
    const ls = l ? l.split(':') : [], rs = mine.includes('::') && r ? r.split(':') : [];
    const words = mine.includes('::') ? [...ls, ...Array(8 - ls.length - rs.length).fill('0'), ...rs] : ls;
    h = words.map((w) => w.padStart(4, '0')).join('');
  } else return mine === hex;
  return hex === h || hex === (h.length === 8 ? '0001' : '0002') + h;
}

const haveTshark = tsharkAvailable();
const skip = haveTshark ? false : 'tshark is not installed: the Diameter oracle checks need it to extract messages';

for (const cap of DIAMETER_CAPTURES) {
  test(`diameter oracle columns: ${cap}`, { skip }, () => {
    const msgs = tsharkDiameterMessages(cap);
    const exp = expectedRows(cap);
    assert.ok(msgs.length > 0 && msgs.length === exp.size, `${msgs.length} messages from tshark, ${exp.size} oracle rows`);
    const bad: string[] = [];
    for (const m of msgs) {
      const r = parseDiameter(m.bytes);
      assert.equal(r.stop, undefined, `frame ${m.frame}: unexpected stop ${JSON.stringify(r.stop)}`);
      const rec: SigRecord = { frame: m.frame, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: m.msgIdx, compIdx: -1, protos: ['diameter'] };
      if (r.info) rec.diameter = r.info;
      const cells: TsharkCells = {};
      diameterTsharkColumns(rec, cells);
      const e = exp.get(`${m.frame}/${m.msgIdx}`);
      if (!e) {
        bad.push(`frame ${m.frame}/${m.msgIdx}: no oracle row`);
        continue;
      }
      for (const col of COLUMNS) {
        if ((cells[col] ?? '') !== e[col]) bad.push(`frame ${m.frame} ${col}: tshark ${JSON.stringify(e[col])}, got ${JSON.stringify(cells[col] ?? '')}`);
      }
    }
    assert.deepEqual(bad.slice(0, 20), []);
  });
}

// Whole AVP trees (names in tree order, leaf values) against tshark's PDML. The largest
// magma trace is left to the column check above to keep the suite fast.
for (const cap of DIAMETER_CAPTURES.filter((c) => !c.startsWith('magma__gx_gy_combined_04'))) {
  test(`diameter AVP trees match tshark: ${cap}`, { skip }, () => {
    const msgs = tsharkDiameterMessages(cap);
    const trees = tsharkAvpFields(cap);
    assert.equal(trees.length, msgs.length);
    const bad: string[] = [];
    let compared = 0;
    msgs.forEach((m, i) => {
      // tshark adds no diameter.<name> field for AVPs missing from its dictionary
      const mine = flat(parseDiameter(m.bytes).info?.avps ?? []).filter((a) => !a.name.startsWith('Unknown-AVP-'));
      const theirs = trees[i]!;
      const names = mine.map((a) => a.name);
      const tnames = theirs.map((f) => f.name);
      if (names.join(',') !== tnames.join(',')) {
        bad.push(`frame ${m.frame}: AVP names differ:\n  tshark ${tnames.join(',')}\n  got    ${names.join(',')}`);
        return;
      }
      mine.forEach((a, j) => {
        const f = theirs[j]!;
        if (a.children) return;
        const def = avpDef(a.code, a.vendor ?? 0);
        let ok: boolean;
        if (typeof a.value === 'number') ok = def?.type === 'Time' || String(a.value) === f.show;
        else if (def?.type === 'Address') ok = addressMatches(String(a.value), f.value);
        else if (def?.type === 'OctetString') ok = a.value === f.value;
        else if (def?.type === 'Unsigned64' || def?.type === 'Integer64') ok = a.value === f.show;
        else if (def) ok = String(a.value).split('\0')[0] === f.show; // tshark shows strings up to a NUL
        else ok = a.value === f.value;
        compared++;
        if (!ok) bad.push(`frame ${m.frame} ${a.name}: tshark show=${JSON.stringify(f.show)} value=${f.value}, got ${JSON.stringify(a.value)}`);
      });
    });
    assert.ok(compared > 0);
    assert.deepEqual(bad.slice(0, 10), []);
  });
}
