#!/usr/bin/env node
/**
 * `sigtrail` command line. Each sub-command lives in electron/cli/<name>.ts and
 * exports `run(args): Promise<number>` (the exit code). Shared option parsing is
 * in electron/cli/args.ts.
 */
type Cmd = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const commands: Record<string, Cmd> = {
  decode: { summary: 'decode a capture: CAPTURE [--format ndjson|tshark] [--mtp3 itu|ansi] [--m3ua auto|rfc4666|draft6] [--heuristics] [--errors] [--out FILE]', load: () => import('./cli/decode.js') },
  generate: { summary: 'generate a labelled scenario capture: --out DIR [--seed N] [--messages N] [--scenarios …]', load: () => import('./cli/generate.js') },
  scenarios: { summary: 'list the attack-scenario catalogue', load: () => import('./cli/scenarios.js') },
  ingest: { summary: 'load captures or exported metadata into a case: FILE… --case CASE.duckdb [--profile P] [--format F] [--map col=field,…] [--force]', load: () => import('./cli/ingest.js') },
  query: { summary: 'run SQL over a case: --case CASE "SQL" [--format table|csv|json]', load: () => import('./cli/query.js') },
  export: { summary: 'export a case: --case CASE --parquet DIR', load: () => import('./cli/export.js') },
  detect: { summary: 'run the detectors over a case: --case CASE [--profile P] [--format table|ndjson]', load: () => import('./cli/detect.js') },
  analyze: { summary: 'ingest + detect in one go: CAPTURE… --profile P [--case CASE]', load: () => import('./cli/analyze.js') },
  report: { summary: 'the case report (evidence hashes, findings, alerts with rule traces and frames, audit log): --case CASE [--out FILE] [--format html|markdown] [--status S,…] [--min-severity SEV]', load: () => import('./cli/report.js') },
  web: { summary: 'serve the workbench to a browser on 127.0.0.1: [--case CASE] [--port N]', load: () => import('./cli/web.js') },
};

function usage(): string {
  const w = Math.max(...Object.keys(commands).map((k) => k.length));
  return ['usage: sigtrail <command> [options]', '', ...Object.entries(commands).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`sigtrail: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  const mod = await cmd.load();
  try {
    return await mod.run(rest);
  } catch (e) {
    if (e instanceof Error && e.name === 'HelpRequested') {
      console.log(`usage: sigtrail ${name} — ${cmd.summary}`);
      return 0;
    }
    if (e instanceof Error && e.name === 'UsageError') {
      console.error(`sigtrail ${name}: ${e.message} (see sigtrail ${name} --help)`);
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (`sigtrail decode x | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`sigtrail: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.SIGTRAIL_DEBUG && err instanceof Error) console.error(err.stack);
    process.exitCode = 1;
  },
);
