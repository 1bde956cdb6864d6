/**
 * Where the workbench backend meets the other libraries: the case store
 * (open/create, ingest), the detectors, the scenario generator and the
 * country tables. Each entry is replaceable (tests pass fakes through
 * ServiceOptions.integrations).
 */
import { ApiError, type ScenarioInfo } from '../../ipc/contract.js';
import type { JobProgress } from '../../ipc/contract.js';
import { countryOfE164, countryOfMcc, distanceKm as countryDistance, plmnOfVisited, type Country } from '../../detect/geo.js';
import { readFileSync, mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { generateToSink, catalogue } from '../../generator/index.js';
import { schemaDDL } from '../../store/schema.js';
import type { NetworkProfile } from '../../model/profile.js';
import { openCase, closeCase, ingestFiles, caseQuery, type CaseHandle } from '../store/case.js';
import { detectOpenCase } from '../detect/run-case.js';
import { toScalar, type CaseDb, type QueryResult } from './db.js';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * A case opened through the store library. Reads go through a second
 * connection on the same database instance, so the workbench keeps answering
 * (with committed data) while an import transaction runs on the store's own one.
 */
export class StoreCaseDb implements CaseDb {
  private constructor(readonly handle: CaseHandle, private read: DuckDBConnection) {}
  get path() {
    return this.handle.path;
  }
  static async open(path: string): Promise<StoreCaseDb> {
    const h = await openCase(path);
    return new StoreCaseDb(h, await h.instance.connect());
  }
  async query(sql: string, params: (string | number | boolean | null)[] = []): Promise<QueryResult> {
    const r = await this.read.runAndReadAll(sql, params.length ? (params as never) : undefined);
    return { columns: r.columnNames(), types: r.columnTypes().map((t) => String(t)), rows: r.getRowsJS().map((row) => row.map(toScalar)) };
  }
  async close(): Promise<void> {
    this.read.closeSync();
    await closeCase(this.handle);
  }
}

export function loadProfile(path: string | undefined): NetworkProfile | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NetworkProfile;
  } catch (e) {
    throw new ApiError(`profile ${path}: ${e instanceof Error ? e.message : String(e)}`, 'bad-args');
  }
}

const storeOf = (db: CaseDb): CaseHandle => {
  if (!(db instanceof StoreCaseDb)) throw new ApiError('this case was not opened through the case store', 'failed');
  return db.handle;
};

export type ProgressFn = (p: Partial<Pick<JobProgress, 'bytesDone' | 'bytesTotal' | 'messages' | 'step' | 'rate' | 'eta'>>) => void;

export interface GeoLookup {
  describe(nodeId: string): { country: string | null; network: string | null; role: string | null } | null;
  locate(node: string | null, visitedPlmn: string | null, cgi: string | null): { country: string | null; coord: [number, number] | null } | null;
  distanceKm(a: [number, number], b: [number, number]): number;
}

export interface Integrations {
  openDb(path: string, o: { create: boolean }): Promise<CaseDb>;
  ensureTriageTables(db: CaseDb): Promise<void>;
  ingest(db: CaseDb, files: string[], o: { profile?: string; signal: AbortSignal; onProgress: ProgressFn }): Promise<{ messages: number; summary: string }>;
  detect(db: CaseDb, o: { profile?: string; signal: AbortSignal; onProgress: ProgressFn }): Promise<{ alerts: number; errors?: string[] }>;
  generate(o: { scenarios: string[]; seed?: number; messages?: number; outDir: string; signal: AbortSignal }): Promise<{ capture: string; labels: string; profile: string }>;
  scenarios(): Promise<ScenarioInfo[]>;
  geo(): Promise<GeoLookup | null>;
  status(): { store: boolean; detect: boolean; generator: boolean; notes: string[] };
}

const coordOf = (c: Country | undefined): [number, number] | null => (c && c.lat !== undefined && c.lon !== undefined ? [c.lat, c.lon] : null);

export const geoLookup: GeoLookup = {
  describe(id) {
    const i = id.indexOf(':');
    const kind = id.slice(0, i), v = id.slice(i + 1);
    if (kind === 'gt') {
      const c = countryOfE164(v);
      return { country: c ? c.name : null, network: c ? `${c.name} +${c.cc}` : null, role: null };
    }
    if (kind === 'host') {
      const m = /mnc(\d{2,3})\.mcc(\d{3})\./i.exec(v);
      const c = m ? countryOfMcc(m[2]!) : undefined;
      return { country: c ? c.name : null, network: m ? `${m[2]}-${m[1]}` : v.split('.').slice(1).join('.') || v, role: null };
    }
    return null;
  },
  locate(node, visited, cgi) {
    let c: Country | undefined;
    if (node && /^\+?\d{5,}$/.test(node)) c = countryOfE164(node);
    if (!c && visited) {
      const p = plmnOfVisited(visited);
      c = p ? countryOfMcc(p.mcc) : undefined;
    }
    if (!c && cgi) c = countryOfMcc(cgi.replace(/[^0-9]/g, '').slice(0, 3));
    if (!c && node) {
      const m = /mcc(\d{3})/i.exec(node);
      if (m) c = countryOfMcc(m[1]!);
    }
    return c ? { country: c.name, coord: coordOf(c) } : null;
  },
  distanceKm(a, b) {
    return countryDistance({ iso: 'a', name: 'a', lat: a[0], lon: a[1] }, { iso: 'b', name: 'b', lat: b[0], lon: b[1] }) ?? 0;
  },
};


export function defaultIntegrations(): Integrations {
  return {
    async openDb(path) {
      try {
        return await StoreCaseDb.open(path);
      } catch (e) {
        throw new ApiError(e instanceof Error ? e.message : String(e), 'failed');
      }
    },
    async ensureTriageTables(db) {
      for (const ddl of schemaDDL()) if (/TABLE IF NOT EXISTS (alert_triage|audit_log)\b/.test(ddl)) await db.query(ddl);
    },
    async ingest(db, files, o) {
      const r = await ingestFiles(storeOf(db), files, {
        signal: o.signal,
        profile: loadProfile(o.profile),
        actor: process.env.USER ?? 'workbench',
        onProgress: (p) => o.onProgress({ bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, messages: p.messages, rate: p.rate, eta: p.etaSeconds, step: `${p.phase}${p.file ? ` ${p.file.split(/[\\/]/).pop()}` : ''} (${p.fileIndex + 1}/${p.fileCount})` }),
      });
      const skipped = r.files.filter((f) => f.skipped);
      return { messages: r.messages, summary: `${r.messages} messages, ${r.errors} decode errors in ${r.seconds.toFixed(1)} s${skipped.length ? `; skipped: ${skipped.map((f) => `${f.path.split(/[\\/]/).pop()} (${f.note})`).join(', ')}` : ''}` };
    },
    async detect(db, o) {
      const h = storeOf(db);
      let profile = loadProfile(o.profile) ?? null;
      if (!profile) {
        const v = (await caseQuery(h, "SELECT value FROM case_meta WHERE key = 'profile'"))[0]?.value;
        if (typeof v === 'string' && v) profile = JSON.parse(v) as NetworkProfile;
      }
      o.onProgress({ step: profile ? 'running detectors' : 'running detectors (no network profile: profile-based detectors report that)' });
      const r = await detectOpenCase(h, { profile, write: true, signal: o.signal, onProgress: (rows) => o.onProgress({ step: `running detectors: ${rows} rows`, messages: rows }) });
      return { alerts: r.alerts.length, errors: r.errors };
    },
    async generate(o) {
      mkdirSync(o.outDir, { recursive: true });
      const capture = join(o.outDir, 'capture.pcap');
      const fd = openSync(capture, 'w');
      let r;
      try {
        const opts: Parameters<typeof generateToSink>[0] = { scenarios: o.scenarios.length === 1 && o.scenarios[0] === 'all' ? 'all' : o.scenarios };
        if (o.seed !== undefined) opts.seed = o.seed;
        if (o.messages !== undefined) opts.messages = o.messages;
        r = await generateToSink(opts, (chunk) => {
          if (o.signal.aborted) throw new ApiError('generation cancelled', 'failed');
          writeSync(fd, chunk);
        });
      } finally {
        closeSync(fd);
      }
      const labels = join(o.outDir, 'labels.json');
      const profile = join(o.outDir, 'profile.json');
      writeFileSync(labels, JSON.stringify(r.labels, null, 1) + '\n');
      writeFileSync(profile, JSON.stringify(r.profile, null, 2) + '\n');
      return { capture, labels, profile };
    },
    async scenarios() {
      return catalogue().map((c) => ({
        id: c.id,
        title: c.title,
        category: c.category,
        description: `${c.steps.join(' ')} ${c.distinguish ? `Tell-tale: ${c.distinguish}` : ''}`.trim(),
        extra: { attack: c.attack, mitre: c.mitre.join(', '), evidence: c.evidence.join('; ') },
      }));
    },
    geo: async () => geoLookup,
    status: () => ({ store: true, detect: true, generator: true, notes: [] }),
  };
}
