/**
 * SS7 lower layers against tshark 4.0 on crafted messages (test/fixtures/ss7/crafted.json,
 * built by craft.py): each group is wrapped with text2pcap (Ethernet/IPv4/SCTP or the
 * MTP2/MTP3 link types) and read by tshark; the SS7 oracle columns and the SS7 part of
 * the protocol stack must match Sigtrail's reading of the same bytes.
 * Skipped with a reason when tshark or text2pcap is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ctxFor, fromHex, run, SS7_PROTOS } from './ss7-helpers.js';
import { ss7TsharkColumns } from '../../shared/decoder/ss7/tshark.js';
import type { TsharkCells, TsharkColumn } from '../../shared/decoder/tshark-format.js';
import type { TableName } from '../../shared/decoder/context.js';

interface Crafted { name: string; kind: string; hex: string }
const crafted = JSON.parse(readFileSync(new URL('../fixtures/ss7/crafted.json', import.meta.url), 'utf8')) as Crafted[];

const COLS: TsharkColumn[] = [
  'm3ua.message_class', 'm3ua.message_type', 'm3ua.protocol_data_opc', 'm3ua.protocol_data_dpc', 'm3ua.protocol_data_si',
  'mtp3.opc', 'mtp3.dpc', 'sccp.message_type', 'sccp.called.ssn', 'sccp.calling.ssn', 'sccp.called.digits',
  'sccp.calling.digits', 'isup.message_type', 'isup.cic', 'isup.called', 'isup.calling',
];

/** kind → [text2pcap arguments, dispatch table, key, octets text2pcap adds itself, ANSI variant]. */
const KINDS: Record<string, [string[], TableName, number, number, boolean?]> = {
  link141ansi: [['-F', 'pcap', '-l', '141'], 'link', 141, 0, true],
  m3ua: [['-S', '2905,2905,3'], 'sctp.ppid', 3, 0],
  m2pa: [['-S', '3565,3565,5'], 'sctp.ppid', 5, 0],
  sua: [['-S', '14001,14001,4'], 'sctp.ppid', 4, 0],
  link140: [['-F', 'pcap', '-l', '140'], 'link', 140, 0],
  link139: [['-F', 'pcap', '-l', '139'], 'link', 139, 4],
  link141: [['-F', 'pcap', '-l', '141'], 'link', 141, 0],
};

const have = (cmd: string): boolean => spawnSync(cmd, ['-v'], { stdio: 'ignore' }).status === 0;
const skip = !have('tshark') ? 'tshark is not installed' : !have('text2pcap') ? 'text2pcap is not installed' : false;

function hexdump(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 16) {
    s += i.toString(16).padStart(6, '0');
    for (let j = i; j < Math.min(i + 16, b.length); j++) s += ' ' + b[j]!.toString(16).padStart(2, '0');
    s += '\n';
  }
  return s;
}

for (const [kind, [t2pArgs, table, key, phdr, ansi]] of Object.entries(KINDS)) {
  const items = crafted.filter((c) => c.kind === kind);
  test(`tshark agrees on crafted ${kind} messages (${items.length})`, { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss7t-'));
    try {
      writeFileSync(join(dir, 'in.txt'), items.map((c) => hexdump(fromHex(c.hex).subarray(phdr))).join(''));
      const t2p = spawnSync('text2pcap', ['-q', ...t2pArgs, join(dir, 'in.txt'), join(dir, 'x.pcap')], { encoding: 'utf8' });
      assert.equal(t2p.status, 0, t2p.stderr);
      const ts = spawnSync('tshark', ['-n', ...(ansi ? ['-o', 'mtp3.standard:ANSI'] : []), '-r', join(dir, 'x.pcap'), '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,',
        '-e', 'frame.protocols', ...COLS.flatMap((c) => ['-e', c])], { encoding: 'utf8' });
      assert.equal(ts.status, 0, ts.stderr);
      const rows = ts.stdout.split('\n').filter((l) => l.length > 0);
      assert.equal(rows.length, items.length);
      const ctx = ctxFor(ansi ? { mtp3Variant: 'ansi' } : {});
      items.forEach((c, i) => {
        const exp = rows[i]!.split('\t');
        const recs = run(ctx, table, key, fromHex(c.hex), i + 1);
        assert.equal(recs.length, 1, c.name);
        const r = recs[0]!;
        const wantProtos = exp[0]!.split(':').filter((p) => SS7_PROTOS.has(p)).join(':');
        assert.equal(r.protos.join(':'), wantProtos, `${c.name}: protocol stack`);
        const cells: TsharkCells = {};
        ss7TsharkColumns(r, cells);
        COLS.forEach((col, j) => assert.equal(cells[col] ?? '', exp[j + 1] ?? '', `${c.name}: ${col}`));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
