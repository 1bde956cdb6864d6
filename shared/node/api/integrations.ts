/**
 * Where the workbench backend meets the other libraries: the case store
 * (open/create, ingest), the detectors, the scenario generator and the
 * country tables. Each entry is replaceable (tests pass fakes through
 * ServiceOptions.integrations).
 */
import { ApiError, type ScenarioInfo } from '../../ipc/contract.js';
import type { JobProgress } from '../../ipc/contract.js';
import { countryOfE164, countryOfMcc, distanceKm as countryDistance, plmnOfVisited, type Country } from '../../detect/geo.js';
import { schemaDDL } from '../../store/schema.js';
import { DuckCaseDb, type CaseDb } from './db.js';

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
  detect(db: CaseDb, o: { profile?: string; signal: AbortSignal; onProgress: ProgressFn }): Promise<{ alerts: number }>;
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
      return { country: c ? c.name : null, network: c ? `+${c.cc}` : null, role: null };
    }
    if (kind === 'host') {
      const m = /mnc(\d{2,3})\.mcc(\d{3})\./i.exec(v);
      const c = m ? countryOfMcc(m[2]!) : undefined;
      return { country: c ? c.name : null, network: m ? `${m[2]}-${m[1]}` : v.split('.').slice(-2).join('.'), role: null };
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

const unavailable = (what: string): never => {
  throw new ApiError(`${what} is not available in this build yet`, 'unavailable');
};

export function defaultIntegrations(): Integrations {
  return {
    async openDb(path, { create }) {
      const db = await DuckCaseDb.open(path);
      if (create) for (const ddl of schemaDDL()) await db.query(ddl);
      return db;
    },
    async ensureTriageTables(db) {
      for (const ddl of schemaDDL()) if (/TABLE IF NOT EXISTS (alert_triage|audit_log)\b/.test(ddl)) await db.query(ddl);
    },
    ingest: async () => unavailable('capture import (case store ingest)'),
    detect: async () => unavailable('detection'),
    generate: async () => unavailable('the scenario generator'),
    scenarios: async () => unavailable('the scenario catalogue'),
    geo: async () => geoLookup,
    status: () => ({ store: false, detect: false, generator: false, notes: ['ingest, detection and the generator are wired as their libraries land'] }),
  };
}
