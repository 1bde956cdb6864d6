import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFiles, type FrameTruth } from '../../shared/generator/index.js';
import { ORACLE_SCRIPT } from '../helpers/shared-dir.js';

const hasTshark = spawnSync('tshark', ['-v'], { stdio: 'ignore' }).status === 0;
const skip = hasTshark ? false : 'tshark is not installed';

function tshark(file: string, args: string[]): string {
  return execFileSync('tshark', ['-o', 'sctp.checksum:CRC-32C', '-r', file, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
}

test('tshark decodes a capture covering every scenario without malformed packets, and agrees with the generator', { skip, timeout: 240000 }, async () => {
  const truth = new Map<number, FrameTruth>();
  const g = await generateFiles({ seed: 21, messages: 4000, homeSubscribers: 800, inboundRoamers: 300, onFrame: (f) => truth.set(f.frame, f) });
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-gen-'));
  try {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, g.pcap);
    // 1. No malformed packet / expert warning, except the deliberate global-opcode evasion (tshark cannot dissect an OID opcode).
    const allowed = new Set<number>();
    for (const i of g.labels.instances) if (i.scenario === 'evasion-global-opcode') for (const f of i.frames) allowed.add(f);
    const bad = tshark(file, ['-Y', '_ws.malformed || _ws.expert.severity >= warning || sctp.checksum.status == 0', '-T', 'fields', '-e', 'frame.number', '-e', '_ws.expert.message'])
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    const unexpected = bad.filter(([f]) => !allowed.has(Number(f)));
    assert.deepEqual(unexpected, [], 'frames tshark flags');
    assert.ok(bad.length >= 1, 'the global-opcode evasion is flagged by tshark');

    // 2. Field by field: point codes, GT digits, SSNs, Diameter command codes.
    const fields = ['frame.number', 'm3ua.protocol_data_opc', 'm3ua.protocol_data_dpc', 'sccp.called.digits', 'sccp.calling.digits', 'sccp.called.ssn', 'sccp.calling.ssn', 'diameter.cmd.code', 'e212.imsi', 'e164.msisdn', 'gsm_old.localValue', 'tcap.otid', 'tcap.dtid', 'camel.local', 'isup.message_type', 'isup.cic'];
    const rows = tshark(file, ['-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', ...fields.flatMap((f) => ['-e', f])]).split('\n').filter(Boolean);
    assert.equal(rows.length, g.labels.frames);
    const byFrame = new Map<number, string[]>();
    let checked = 0;
    for (const r of rows) {
      const c = r.split('\t');
      const f = Number(c[0]);
      byFrame.set(f, c);
      const t = truth.get(f);
      if (!t) continue;
      checked++;
      if (t.opc !== undefined) {
        assert.equal(Number(c[1]), t.opc, `frame ${f} OPC`);
        assert.equal(Number(c[2]), t.dpc, `frame ${f} DPC`);
      }
      if (t.called !== undefined) {
        assert.equal(c[3], t.called, `frame ${f} called GT`);
        assert.equal(c[4], t.calling, `frame ${f} calling GT`);
        assert.equal(Number(c[5]), t.calledSsn, `frame ${f} called SSN`);
        assert.equal(Number(c[6]), t.callingSsn, `frame ${f} calling SSN`);
      }
      if (t.diameterCmd !== undefined) assert.equal(Number(c[7]), t.diameterCmd, `frame ${f} Diameter command`);
      if (t.otid !== undefined) assert.equal(c[11], t.otid, `frame ${f} otid`);
      if (t.dtid !== undefined) assert.equal(c[12], t.dtid, `frame ${f} dtid`);
      if (t.opcodes !== undefined) {
        const col = t.calledSsn === 146 ? c[13]! : c[10]!;
        assert.deepEqual(col ? col.split(',').map(Number) : [], t.opcodes, `frame ${f} operation/error codes`);
      }
      if (t.isupType !== undefined) {
        assert.equal(Number(c[14]), t.isupType, `frame ${f} ISUP message type`);
        assert.equal(Number(c[15]), t.cic, `frame ${f} CIC`);
      }
    }
    assert.equal(checked, truth.size);

    // 3. Per instance: the victims' IMSI or MSISDN and the attacker GTs appear in tshark's fields of the instance frames.
    for (const i of g.labels.instances) {
      const imsis = new Set<string>();
      const e164 = new Set<string>();
      const gts = new Set<string>();
      for (const f of i.frames) {
        const c = byFrame.get(f)!;
        for (const x of (c[8] ?? '').split(',')) imsis.add(x);
        for (const x of (c[9] ?? '').split(',')) e164.add(x);
        gts.add(c[3]!).add(c[4]!);
      }
      for (const gt of i.attacker.gts) assert.ok(gts.has(gt) || e164.has(gt), `${i.id}: attacker GT ${gt} seen by tshark`);
      // tshark cannot dissect the argument of an OID-coded operation, so the global-opcode evasion hides its victim from it.
      if (i.scenario !== 'evasion-global-opcode') for (const v of i.victims) assert.ok(imsis.has(v.imsi) || e164.has(v.imsi) || e164.has(v.msisdn), `${i.id}: victim ${v.imsi}/${v.msisdn} seen by tshark`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const hasPython = spawnSync('python3', ['-V'], { stdio: 'ignore' }).status === 0;
const ORACLE = ORACLE_SCRIPT;

test("sigtrail's tshark-format decode of a generated capture equals the tshark oracle, cell for cell", { skip: !hasTshark ? 'tshark is not installed' : !hasPython ? 'python3 (needed by the oracle script) is not installed' : false, timeout: 240000 }, async (t) => {
  const { existsSync } = await import('node:fs');
  const oracle = process.env.SIGTRAIL_ORACLE ?? ORACLE;
  if (!existsSync(oracle)) return t.skip(`oracle script ${oracle} not found`);
  const g = await generateFiles({ seed: 33, messages: 1500, homeSubscribers: 600, inboundRoamers: 200 });
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-gen-oracle-'));
  try {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, g.pcap);
    const want = execFileSync('bash', [oracle, file], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
    const { decodeCaptureFile } = await import('../../shared/node/capture-file.js');
    const { tsharkHeader, tsharkRow } = await import('../../shared/decoder/tshark-format.js');
    const got = [tsharkHeader()];
    for await (const b of decodeCaptureFile(file)) for (const r of b.records) got.push(tsharkRow(r));
    assert.equal(got[0], want[0], 'header');
    const diffs: string[] = [];
    for (let i = 1; i < Math.max(got.length, want.length) && diffs.length < 10; i++) if (got[i] !== want[i]) diffs.push(`row ${i}\n  tshark:   ${want[i]}\n  sigtrail: ${got[i]}`);
    assert.deepEqual(diffs, [], 'rows that differ');
    assert.equal(got.length, want.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
