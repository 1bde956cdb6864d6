/**
 * Differential test on capture variants nobody tuned against: corpus and encoder
 * messages wrapped in every framing the decoder claims (test/decoder/variants/:
 * pcap µs/ns in both byte orders, gzip, pcapng with several interfaces,
 * resolutions, if_tsoffset, sections, SPBs and non-packet blocks; Ethernet/802.1Q/QinQ/MPLS, SLL, SLL2, raw IP, null/loop;
 * IPv4 fragments and options, IPv6 extension headers and fragments; SCTP
 * bundling, DATA/I-DATA fragments, retransmissions, TSN wrap, odd chunks; TCP
 * Diameter split and cut by the snap length; M2PA, M2UA, SUA, MTP2 (139/140),
 * MTP3 (141); SCCP UDT/XUDT/LUDT/UDTS/XUDTS, segmentation, GTI 1-4, SSN
 * routing; TCAP shapes and BER length forms; ISUP). The files are built in a
 * temp dir, read by tshark through ../shared/oracle/tshark-fields.sh and by
 * Sigtrail, and compared cell for cell, rows in the same order.
 *
 * Documented differences (each one is checked, not skipped):
 *  - M3UA over TCP: tshark 4.0.17 has no M3UA-over-TCP dissector (m3ua is not in
 *    its tcp.port table, and `-d tcp.port==2905,m3ua` is refused), so it shows no
 *    row. Sigtrail decodes it (README); its rows must equal tshark's rows for the
 *    same two M3UA messages over SCTP (variant "link: Ethernet").
 *  - Simple Packet Blocks carry no timestamp: tshark prints an empty
 *    frame.time_epoch, Sigtrail gives the frame the previous packet's time
 *    (shared/decoder/capture/parser.ts), so timelines stay ordered.
 *  - Variants whose reading depends on a tshark preference (Variant.tshark, with
 *    the reason: TCP segments out of order) go into files of their own, read by
 *    tshark with that preference.
 *
 * Skipped with a reason when tshark or python3 (the oracle script's PDML split) is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareLines, sigtrailLines, SHARED, type OracleComparison } from './oracle-lib.js';
import { buildVariants, variantFiles, type VariantFile } from './variants/variants.js';

const ORACLE = join(SHARED, 'oracle', 'tshark-fields.sh');
const have = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const skip = !have('tshark', '-v') ? 'tshark is not installed' : !have('python3', '--version') ? 'python3 is not installed (the oracle script needs it)' : false;

const M3UA_TCP = 'M3UA over TCP (port 2905)';
const M3UA_TWIN = 'link: Ethernet';

function oracle(file: string, opts: string[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(ORACLE, [...opts, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter((l) => l.length > 0)) : reject(new Error(`oracle exit ${code}: ${err}`))));
  });
}

const frameOf = (line: string): number => Number(line.slice(0, line.indexOf('\t')));
const fromProtos = (line: string): string => line.split('\t').slice(4).join('\t');
const framesOf = (f: VariantFile, variant: string): Set<number> => {
  const p = f.parts.find((x) => x.variant === variant);
  const out = new Set<number>();
  if (p) for (let i = p.first; i <= p.last; i++) out.add(i);
  return out;
};

/** Applies the documented differences to `got` after checking them; returns the lines to compare. */
function documented(f: VariantFile, exp: string[], got: string[]): string[] {
  let out = got;
  // M3UA over TCP: nothing in tshark; Sigtrail's rows are those of the same messages over SCTP.
  const tcpFrames = framesOf(f, M3UA_TCP);
  if (tcpFrames.size) {
    assert.deepEqual(exp.slice(1).filter((l) => tcpFrames.has(frameOf(l))), [], 'tshark now shows M3UA over TCP: the documented difference is gone, compare directly');
    const twin = framesOf(f, M3UA_TWIN);
    const want = exp.slice(1).filter((l) => twin.has(frameOf(l))).map(fromProtos);
    const mine = out.slice(1).filter((l) => tcpFrames.has(frameOf(l))).map(fromProtos);
    assert.ok(want.length > 0, 'the SCTP twin of the M3UA-over-TCP variant has rows');
    assert.deepEqual(mine, want, 'M3UA over TCP decodes as the same messages over SCTP');
    out = out.filter((l, i) => i === 0 || !tcpFrames.has(frameOf(l)));
  }
  // Simple Packet Blocks: tshark has no time, Sigtrail the previous packet's.
  if (f.spb?.length) {
    const spb = new Map(f.spb.map((x) => [x.frame, x.prevTime]));
    let seen = 0;
    out = out.map((l, i) => {
      if (i === 0 || !spb.has(frameOf(l))) return l;
      const c = l.split('\t');
      assert.equal(c[1], spb.get(frameOf(l)), `frame ${c[0]}: an SPB frame takes the previous packet's time`);
      seen++;
      c[1] = '';
      return c.join('\t');
    });
    assert.ok(seen > 0, 'some SPB frames carry messages');
  }
  return out;
}

function explain(f: VariantFile, c: OracleComparison): string {
  const frames = new Set<number>([...c.diffs.map((d) => Number(d.frame)), ...[...c.missing, ...c.extra].map((k) => Number(k.split('/')[0]))]);
  const variants = f.parts.filter((p) => [...frames].some((x) => x >= p.first && x <= p.last)).map((p) => p.variant);
  const lines = [`${f.name}: ${c.diffs.length} differing cells, ${c.missing.length} rows only in tshark, ${c.extra.length} rows only in Sigtrail; variants: ${variants.join(' | ')}`];
  for (const d of c.diffs.slice(0, 10)) lines.push(`  frame ${d.frame} ${d.column}: tshark ${JSON.stringify(d.expected)} sigtrail ${JSON.stringify(d.got)}`);
  if (c.missing.length) lines.push(`  only in tshark (frame/msg/comp): ${c.missing.slice(0, 10).join(' ')}`);
  if (c.extra.length) lines.push(`  only in Sigtrail (frame/msg/comp): ${c.extra.slice(0, 10).join(' ')}`);
  return lines.join('\n');
}

if (skip) {
  test('capture variants agree with tshark', { skip }, () => {});
} else {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-variants-'));
  const variants = buildVariants();
  const files = variantFiles(variants);
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  // the oracle runs two at a time (each is tshark twice plus a PDML split)
  const results = new Map<string, Promise<string[]>>();
  let chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  files.forEach((f, i) => {
    const r = chain[i % 2]!.then(() => oracle(join(dir, f.name), f.tsharkOpts));
    chain[i % 2] = r.catch(() => undefined);
    results.set(f.name, r);
  });
  chain = [];

  test('variants read with non-default tshark preferences say why', () => {
    for (const v of variants.filter((x) => x.tshark)) assert.ok(v.tshark!.opts.length > 0 && v.tshark!.why.length > 40, v.name);
  });

  test('the variants cover every framing the README lists', () => {
    const names = variants.map((v) => v.name).join('\n');
    for (const w of ['802.1Q', 'QinQ', 'SLL2', 'raw IP', 'null', 'IPv4 fragments', 'IPv6 fragments', 'I-DATA', 'retransmitted', 'M2PA', 'M2UA', 'SUA', 'MTP2 (140)', '(139)', 'MTP3 (141)', 'XUDT', 'LUDT', 'segmented', 'GTI 1, 2, 3, 4', 'indefinite', 'Diameter over TCP', 'Diameter over SCTP', M3UA_TCP])
      assert.match(names, new RegExp(w.replace(/[()]/g, '\\$&')), w);
    assert.ok(files.some((f) => f.name.endsWith('.pcap')) && files.some((f) => f.name.endsWith('.pcapng')) && files.some((f) => f.name.endsWith('.gz')));
  });

  for (const f of files) {
    test(`tshark and Sigtrail agree cell for cell: ${f.name}`, async () => {
      const exp = await results.get(f.name)!;
      assert.ok(exp.length > (f.tsharkOpts ? 1 : 50), `${f.name}: the oracle gave ${exp.length - 1} rows`);
      const got = documented(f, exp, await sigtrailLines(join(dir, f.name)));
      const c = compareLines(f.name, exp, got);
      assert.ok(c.headerEqual && c.diffs.length === 0 && c.missing.length === 0 && c.extra.length === 0, explain(f, c));
    });
  }

  test('temp dir removed', async () => {
    await Promise.allSettled(results.values());
    rmSync(dir, { recursive: true, force: true });
  });
}
