/** Minimal, strict option parser shared by the sub-commands. */
export interface ParsedArgs {
  positional: string[];
  opts: Record<string, string | true>;
  multi: Record<string, string[]>;
}

/** Thrown when `--help` / `-h` is given to a command that has no help text of its own. */
export class HelpRequested extends Error {
  constructor() {
    super('help requested');
    this.name = 'HelpRequested';
  }
}

/** A command-line usage mistake (unknown option, missing value, bad choice): the CLI exits 2, as usage errors do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag` (names listed in `flags`).
 * Unknown options are an error so typos never silently change behaviour.
 */
export function parseArgs(args: string[], spec: { values?: string[]; flags?: string[] }): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { positional: [], opts: {}, multi: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '--help' || a === '-h') && !flags.has('help')) throw new HelpRequested();
    if (a === '-h') {
      out.opts.help = true;
      continue;
    }
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      let name = a.slice(2);
      let val: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        val = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (flags.has(name)) {
        out.opts[name] = true;
        continue;
      }
      if (!values.has(name)) throw new UsageError(`unknown option --${name}`);
      if (val === undefined) {
        val = args[++i];
        if (val === undefined) throw new UsageError(`--${name} needs a value`);
      }
      out.opts[name] = val;
      (out.multi[name] ??= []).push(val);
      continue;
    }
    out.positional.push(a);
  }
  return out;
}
