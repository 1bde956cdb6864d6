/**
 * Frame pipeline behaviour that sits between the network layers and the
 * message decoders: retransmitted SCTP DATA chunks are not counted twice
 * (Wireshark does not dissect them either), and PDUs found by a payload
 * heuristic on a non-standard port are decoded only when asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FrameDecoder } from '../../shared/decoder/pipeline.js';
import type { RawPacket } from '../../shared/decoder/capture/types.js';
import { decodeCaptureFile } from '../../shared/node/capture-file.js';
import { ether, ipv4, sctp, dataChunk, m3uaBeat, tcp, diameter } from '../helpers/pcap-build.js';
import { CAPTURES } from './oracle-lib.js';

function pkt(frame: number, data: Uint8Array): RawPacket {
  return { frame, tsSec: 1_700_000_000 + frame, tsNsec: 0, fileOffset: 24, linkType: 1, iface: 0, capLen: data.length, origLen: data.length, data };
}

test('a retransmitted SCTP DATA chunk (same TSN, later frame) yields no second record', () => {
  const dec = new FrameDecoder();
  const frame = ether(ipv4(132, sctp([dataChunk(1000, m3uaBeat(8), { ppid: 3 })])));
  const first = dec.decode(pkt(1, frame));
  const again = dec.decode(pkt(2, frame));
  const next = dec.decode(pkt(3, ether(ipv4(132, sctp([dataChunk(1001, m3uaBeat(8), { ppid: 3 })])))));
  assert.equal(first.records.length, 1);
  assert.equal(first.records[0]!.m3ua?.typeName, 'BEAT');
  assert.equal(again.records.length, 0, 'retransmission emitted again');
  assert.equal(next.records.length, 1, 'the next TSN is a new message');
  assert.equal(dec.retransmissions, 1);
});

test('Diameter on a non-standard TCP port is decoded only with the heuristics option', () => {
  const seg = ether(ipv4(6, tcp(diameter({ cmd: 265, hbh: 7 }), { sport: 40000, dport: 3871, seq: 1 })));
  const off = new FrameDecoder().decode(pkt(1, seg));
  assert.equal(off.records.length, 0);
  const on = new FrameDecoder({ heuristics: true }).decode(pkt(1, seg));
  assert.equal(on.records.length, 1);
  assert.equal(on.records[0]!.diameter?.cmd, 265);
  assert.equal(on.records[0]!.transport?.heuristic, 'diameter');
});

test('open5gs VoLTE: the Rx messages on TCP 3871 appear with heuristics on, and not by default (as in tshark)', async () => {
  const file = join(CAPTURES, 'open5gs__volte.pcapng');
  const count = async (heuristics: boolean): Promise<number> => {
    let n = 0;
    for await (const b of decodeCaptureFile(file, { heuristics })) n += b.records.filter((r) => r.diameter).length;
    return n;
  };
  const base = await count(false);
  const heur = await count(true);
  assert.equal(base, 6, 'default decoding must equal the oracle row count');
  assert.ok(heur > base, `heuristics found no extra Diameter (${heur})`);
});

test('PPID 0 between two registered SCTP ports: the lower port number decides, in both directions (as tshark)', () => {
  for (const [sport, dport] of [[2905, 3565], [3565, 2905]] as const) {
    const frame = ether(ipv4(132, sctp([dataChunk(1, m3uaBeat(8), { ppid: 0 })], { sport, dport })));
    const r = new FrameDecoder().decode(pkt(1, frame)).records;
    assert.deepEqual(r.map((x) => x.protos.join(':')), ['m3ua'], `${sport} -> ${dport}`);
  }
});

test('an MTP3 (141) frame cut by the snap length inside the SCCP data hands the captured part to TCAP (as tshark)', async () => {
  const { tcapBegin } = await import('../../shared/encode/tcap.js');
  const { sccpUnitdata } = await import('../../shared/encode/sccp.js');
  const sccp = sccpUnitdata({ called: { digits: '4477009001', ssn: 6 }, calling: { digits: '491720000', ssn: 7 } }, tcapBegin(0x0a0b0c0d, undefined, [{ type: 'invoke', invokeId: 1, opcode: 2 }]));
  // SIO (national, SCCP) and the ITU routing label DPC 5678, OPC 1234, SLS 1, least significant octet first
  const label = (5678 | (1234 << 14) | (1 << 28)) >>> 0;
  const msu = Uint8Array.from([0x83, label & 255, (label >>> 8) & 255, (label >>> 16) & 255, label >>> 24, ...sccp]);
  const cut = msu.subarray(0, msu.length - 6);
  const frame = (data: Uint8Array, origLen: number): RawPacket => ({ ...pkt(1, data), linkType: 141, capLen: data.length, origLen });
  const [r] = new FrameDecoder().decode(frame(cut, msu.length)).records;
  assert.deepEqual(r!.protos.slice(0, 3), ['mtp3', 'sccp', 'tcap']);
  assert.equal(r!.tcap?.otid, '0a0b0c0d');
  // the same bytes as a whole frame (no snap length) are a malformed SCCP message: no TCAP
  const [m] = new FrameDecoder().decode(frame(cut, cut.length)).records;
  assert.deepEqual(m!.protos, ['mtp3', 'sccp']);
  assert.equal(m!.stop?.layer, 'sccp');
});

test('CAP decoded by the heuristic on an SSN tshark does not route to TCAP fills no isup.* column (tshark shows sccp only)', async () => {
  const { tcapBegin, tcapContinue } = await import('../../shared/encode/tcap.js');
  const { connectArg, CapOp, CAP_V2_GSMSSF_SCF } = await import('../../shared/encode/cap.js');
  const { sccpUnitdata } = await import('../../shared/encode/sccp.js');
  const { m3uaData } = await import('../../shared/encode/m3ua.js');
  const { tsharkRow, TSHARK_COLUMNS } = await import('../../shared/decoder/tshark-format.js');
  // the Begin (CAP application context, SSN 146) tells the dialogue memory that the Continue is CAP
  const begin = tcapBegin(0x0c0c0c0c, { kind: 'aarq', acn: CAP_V2_GSMSSF_SCF }, [{ type: 'invoke', invokeId: 1, opcode: CapOp.connect, param: connectArg('4930888888') }]);
  const cont = tcapContinue(0x0d0d0d0d, 0x0c0c0c0c, undefined, [{ type: 'invoke', invokeId: 2, opcode: CapOp.connect, param: connectArg('4930999999') }]);
  const dec = new FrameDecoder();
  const col = (frame: number, ssn: number, tcap: Uint8Array): { protos: string; called: string } => {
    const sccp = sccpUnitdata({ called: { digits: '4477009001', ssn }, calling: { digits: '491720000', ssn } }, tcap);
    const m3ua = m3uaData({ opc: 1, dpc: 2, si: 3, ni: 2, mp: 0, sls: 0 }, sccp);
    const [r] = dec.decode(pkt(frame, ether(ipv4(132, sctp([dataChunk(frame, m3ua, { ppid: 3 })]))))).records;
    const cells = tsharkRow(r!).split('\t');
    return { protos: r!.protos.join(':'), called: cells[TSHARK_COLUMNS.indexOf('isup.called')]! };
  };
  assert.deepEqual(col(1, 146, begin), { protos: 'm3ua:sccp:tcap:camel', called: '4930888888' });
  assert.deepEqual(col(2, 147, cont), { protos: 'm3ua:sccp', called: '' });
});
