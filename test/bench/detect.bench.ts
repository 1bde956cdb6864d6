/**
 * Detection speed: all detectors over a 1 M-message case. Builds a DuckDB case with the store's
 * schema (roaming partner SAI/UL/ISD, SMS SRI-for-SM/MT-ForwardSM with answers, 100 000 subscribers),
 * then times (a) streaming the rows alone and (b) the full path (stream from DuckDB,
 * engine, store alerts). Reference measured in the same run: a plain `SELECT count(*)` scan and
 * a full-row read of the same table.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openCase, closeCase, ingestFiles } from '../../shared/node/store/case.js';
import { caseRowChunks, detectOpenCase } from '../../shared/node/detect/run-case.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';

export async function bench(): Promise<void> {
  const N = Number(process.env.DETECT_BENCH_N ?? 1_000_000);
  const profile = parseProfile(readFileSync(new URL('../detect/fixtures/profile.json', import.meta.url), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-detect-bench-'));
  const h = await openCase(process.env.DETECT_BENCH_KEEP ?? join(dir, 'bench.duckdb'));
  try {
    let t = performance.now();
    await h.conn.run(`INSERT INTO evidence (id, name) VALUES (1, 'bench.pcap')`).catch(async () => undefined);
    await h.conn.run(`
      INSERT INTO messages BY NAME
      SELECT * EXCLUDE (gt_peer, sms, outbound) FROM (
      SELECT 1 AS evidence_id, (i + 1)::INTEGER AS frame, 1700000000 + i * 0.01 AS ts, (1700000000 + i // 100)::BIGINT AS ts_sec, 0 AS ts_nsec, 0 AS file_offset,
        0 AS msg_idx, 0 AS comp_idx, 'm3ua:sccp:tcap:gsm_map' AS protos, 'map' AS family, false AS retrans,
        (i // 2) % 5 IN (2, 3) AS sms,
        CASE WHEN sms THEN '4477009001' || ((i // 10) % 10) ELSE '3950400' || lpad(((i // 2) % 50)::VARCHAR, 3, '0') END AS gt_peer,
        CASE WHEN i % 2 = 0 THEN 'begin' ELSE 'end' END AS tcap_type,
        CASE WHEN i % 2 = 0 THEN printf('%x', i // 2) END AS otid,
        CASE WHEN i % 2 = 1 THEN printf('%x', i // 2) END AS dtid,
        CASE WHEN i % 2 = 0 THEN 1 ELSE 2 END AS comp_kind, 1 AS invoke_id,
        CASE (i // 2) % 5 WHEN 0 THEN 56 WHEN 1 THEN 2 WHEN 2 THEN 45 WHEN 3 THEN 44 ELSE 7 END AS opcode,
        (i // 2) % 5 = 4 AS outbound,
        CASE WHEN (i % 2 = 0) <> outbound THEN gt_peer ELSE '3514660101' END AS calling_gt,
        CASE WHEN (i % 2 = 0) <> outbound THEN '3514660101' ELSE gt_peer END AS called_gt,
        CASE WHEN (i % 2 = 0) <> outbound THEN (CASE WHEN sms THEN 5200 ELSE 5024 END) ELSE 4368 END AS opc,
        CASE WHEN (i % 2 = 0) <> outbound THEN 4368 ELSE (CASE WHEN sms THEN 5200 ELSE 5024 END) END AS dpc, 1 AS called_np, 1 AS calling_np,
        '26827' || lpad(((i // 10) % 100000)::VARCHAR, 10, '0') AS imsi,
        '351871' || lpad(((i // 10) % 100000)::VARCHAR, 6, '0') AS msisdn,
        CASE WHEN (i // 2) % 5 = 1 AND i % 2 = 0 THEN gt_peer END AS vlr,
        CASE WHEN (i // 2) % 5 = 1 AND i % 2 = 0 THEN gt_peer END AS msc
      FROM range(${N}) r(i))`);
    console.log(`built a ${N.toLocaleString()}-message case in ${((performance.now() - t) / 1000).toFixed(2)} s`);

    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    t = performance.now();
    await h.conn.runAndReadAll('SELECT count(*), sum(length(imsi)) FROM messages');
    const scan = (performance.now() - t) / 1000;
    t = performance.now();
    let c = cpu();
    let n = 0;
    for await (const rows of caseRowChunks(h)) for (const r of rows) if (r.frame > 0) n++;
    const read = (performance.now() - t) / 1000;
    const readCpu = cpu() - c;
    t = performance.now();
    c = cpu();
    const full = await detectOpenCase(h, { profile, write: true });
    const total = (performance.now() - t) / 1000;
    const totalCpu = cpu() - c;
    const engine = Math.max(total - read, 0);
    const os = await import('node:os');
    console.log(`reference: SQL scan ${scan.toFixed(2)} s; streaming ${n.toLocaleString()} rows to JS ${read.toFixed(2)} s (${Math.round(N / read).toLocaleString()} rows/s; CPU ${readCpu.toFixed(2)} s)`);
    console.log(`detect over the case (stream + all detectors + store alerts): ${total.toFixed(2)} s for ${full.rows.toLocaleString()} messages (${Math.round(N / total).toLocaleString()} msg/s; CPU ${totalCpu.toFixed(2)} s, DuckDB threads included), ${full.alerts.length} alerts`);
    console.log(`  of which detectors ≈ ${engine.toFixed(2)} s (total minus the plain stream); ratio to the plain stream ${(total / read).toFixed(2)}×; target < 10 s: ${total < 10 ? 'met' : 'NOT met'} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  } finally {
    await closeCase(h);
    rmSync(dir, { recursive: true, force: true });
  }
  await generatedCase(N);
}

/**
 * The same measurement on realistic traffic: a generated capture of N messages (benign
 * traffic of a whole world plus every attack scenario) ingested with its profile, then every
 * detector over it. The synthetic case above is uniform MAP traffic that raises no alert;
 * this one exercises location state, dialogues, the model and alert building.
 */
async function generatedCase(n: number): Promise<void> {
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const root = new URL('../..', import.meta.url).pathname;
  const cli = join(root, 'dist/sigtrail.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-detect-bench-gen-'));
  try {
    const { spawnSync } = await import('node:child_process');
    const gen = existsSync(cli) ? spawnSync(process.execPath, [cli, 'generate', '--out', dir, '--seed', '42', '--messages', String(n)], { encoding: 'utf8' }) : null;
    if (!gen || gen.status !== 0) {
      console.log('generated case: dist/ not built or generate failed: skipped');
      return;
    }
    const gp = parseProfile(readFileSync(join(dir, 'profile.json'), 'utf8'));
    const h = await openCase(join(dir, 'gen.duckdb'));
    try {
      await ingestFiles(h, [join(dir, 'capture.pcap')], { profile: gp });
      const c = cpu();
      const t = performance.now();
      const r = await detectOpenCase(h, { profile: gp, write: true });
      const s = (performance.now() - t) / 1000;
      const os = await import('node:os');
      console.log(`generated case (${n.toLocaleString()} messages generated, seed 42; ${r.rows.toLocaleString()} rows reach TCAP/Diameter): all detectors ${s.toFixed(2)} s (CPU ${(cpu() - c).toFixed(2)} s), ${r.alerts.length} alerts; target < 10 s: ${s < 10 ? 'met' : 'NOT met'} (load average ${os.loadavg()[0]!.toFixed(1)})`);
    } finally {
      await closeCase(h);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
