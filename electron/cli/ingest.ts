/**
 * `sigtrail ingest FILE… --case CASE.duckdb [--profile P.json] [--force]
 *   [--format pcap|ndjson|ek|tshark|csv|parquet] [--map col=field,…] [--mtp3 itu|ansi] [--m3ua auto|rfc4666|draft6] [--quiet]`
 * Loads captures and exported metadata into a case in one transaction.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import { openCase, ingestFiles, closeCase, CaseError, type IngestProgress } from '../../shared/node/store/case.js';
import type { NetworkProfile } from '../../shared/model/profile.js';

const USAGE = 'usage: sigtrail ingest FILE… --case CASE.duckdb [--profile P.json] [--force] [--format pcap|ndjson|ek|tshark|csv|parquet] [--map col=field,…] [--mtp3 itu|ansi] [--m3ua auto|rfc4666|draft6] [--quiet]';

function fmtBytes(n: number): string {
  return n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`;
}

function bar(p: IngestProgress): string {
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const w = 24, full = Math.round(frac * w);
  const eta = p.etaSeconds !== null ? ` ETA ${Math.ceil(p.etaSeconds)}s` : '';
  const phase = p.phase === 'load' ? '' : ` [${p.phase}]`;
  return `\r[${'#'.repeat(full)}${'-'.repeat(w - full)}] ${(frac * 100).toFixed(0).padStart(3)}% ${fmtBytes(p.bytesDone)}/${fmtBytes(p.bytesTotal)} ${p.messages.toLocaleString('en')} msgs ${Math.round(p.rate).toLocaleString('en')}/s${eta}${phase}\x1b[K`;
}

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'profile', 'format', 'map', 'mtp3', 'm3ua', 'tmp'], flags: ['force', 'quiet'] });
  const casePath = a.opts.case as string | undefined;
  if (!casePath || a.positional.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const format = a.opts.format as string | undefined;
  if (format && !['pcap', 'ndjson', 'ek', 'tshark', 'csv', 'parquet'].includes(format)) {
    console.error(`sigtrail ingest: unknown --format ${format}\n${USAGE}`);
    return 2;
  }
  let profile: NetworkProfile | undefined;
  if (a.opts.profile) {
    try {
      profile = JSON.parse(readFileSync(a.opts.profile as string, 'utf8')) as NetworkProfile;
      if (!profile || typeof profile !== 'object' || !profile.home) throw new Error("no 'home' network");
    } catch (e) {
      console.error(`sigtrail ingest: --profile ${String(a.opts.profile)}: ${(e as Error).message}`);
      return 2;
    }
  }
  const tty = process.stderr.isTTY === true && !a.opts.quiet;
  const ac = new AbortController();
  const onSig = (): void => ac.abort();
  process.once('SIGINT', onSig);
  process.once('SIGTERM', onSig);
  let c;
  try {
    c = await openCase(casePath);
  } catch (e) {
    console.error(`sigtrail ingest: ${(e as Error).message}`);
    return 1;
  }
  try {
    let lastDraw = 0;
    const res = await ingestFiles(c, a.positional, {
      profile,
      force: a.opts.force === true,
      format: format as never,
      csvMap: a.opts.map as string | undefined,
      decode: { mtp3Variant: a.opts.mtp3 === 'ansi' ? 'ansi' : a.opts.mtp3 === 'itu' ? 'itu' : undefined, m3uaVersion: a.opts.m3ua as string | undefined },
      tmpDir: a.opts.tmp as string | undefined,
      signal: ac.signal,
      onProgress: tty
        ? (p) => {
            const now = Date.now();
            if (now - lastDraw < 100 && p.phase === 'load') return;
            lastDraw = now;
            process.stderr.write(bar(p));
          }
        : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    for (const f of res.files) {
      if (f.skipped) console.error(f.note);
      else console.log(`${f.path}: evidence ${f.evidenceId} (${f.kind}): ${f.messages} messages, ${f.errors} decode errors${f.frames ? `, ${f.frames} frames` : ''}`);
    }
    const loaded = res.files.filter((f) => !f.skipped).length;
    console.log(`${casePath}: ${loaded} file(s) loaded, ${res.files.length - loaded} skipped; ${res.messages} messages in ${res.seconds.toFixed(2)} s (${Math.round(res.messages / Math.max(res.seconds, 1e-9))}/s; derived tables ${res.derivedSeconds.toFixed(2)} s)`);
    if (res.errors) console.error(`${res.errors} decode error(s): SELECT * FROM decode_errors`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`sigtrail ingest: ${e instanceof Error && e.name === 'AbortError' ? 'cancelled; case unchanged' : msg}${e instanceof CaseError && !/unchanged/.test(msg) ? ' (case unchanged)' : ''}`);
    return 1;
  } finally {
    process.off('SIGINT', onSig);
    process.off('SIGTERM', onSig);
    await closeCase(c);
  }
}
