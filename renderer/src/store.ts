/**
 * UI state only (ids, filters, selection, view): heavy data (graph elements,
 * timeline events, message pages) lives in model classes and view-local refs.
 */
import { create } from 'zustand';
import type { AppInfo, CaseInfo, JobProgress, LadderQuery } from '../../shared/ipc/contract.js';

export type ViewId = 'cases' | 'overview' | 'graph' | 'timeline' | 'ladder' | 'messages' | 'alerts' | 'sql' | 'scenarios';
export const VIEWS: { id: ViewId; label: string; key: string; needsCase: boolean }[] = [
  { id: 'cases', label: 'Cases', key: '1', needsCase: false },
  { id: 'overview', label: 'Overview', key: '2', needsCase: true },
  { id: 'graph', label: 'Signaling graph', key: '3', needsCase: true },
  { id: 'timeline', label: 'Subscriber timeline', key: '4', needsCase: true },
  { id: 'ladder', label: 'Dialogue ladder', key: '5', needsCase: true },
  { id: 'messages', label: 'Messages', key: '6', needsCase: true },
  { id: 'alerts', label: 'Alerts', key: '7', needsCase: true },
  { id: 'sql', label: 'SQL console', key: '8', needsCase: true },
  { id: 'scenarios', label: 'Scenario library', key: '9', needsCase: false },
];

export interface Subscriber {
  imsi?: string;
  msisdn?: string;
}

interface UiState {
  view: ViewId;
  app: AppInfo | null;
  caseInfo: CaseInfo | null;
  jobs: Record<string, JobProgress>;
  toast: { text: string; kind: 'error' | 'info' } | null;
  alertId: string | null;
  nodeId: string | null;
  subscriber: Subscriber | null;
  ladder: LadderQuery | null;
  ladderFocus: { evidence: string; frame: number } | null;
  messagesFilter: string;
  messageColumns: string[] | null;
  graphFamilies: string[];
  graphWindow: [number, number] | null;
  sqlText: string;
  caseVersion: number;
  go(view: ViewId, patch?: Partial<UiState>): void;
  set(patch: Partial<UiState>): void;
  setJob(j: JobProgress): void;
  notify(text: string, kind?: 'error' | 'info'): void;
}

export const useUi = create<UiState>((set) => ({
  view: 'cases',
  app: null,
  caseInfo: null,
  jobs: {},
  toast: null,
  alertId: null,
  nodeId: null,
  subscriber: null,
  ladder: null,
  ladderFocus: null,
  messagesFilter: '',
  messageColumns: null,
  graphFamilies: [],
  graphWindow: null,
  sqlText: "SELECT family, count(*) AS messages\nFROM messages\nGROUP BY family\nORDER BY messages DESC",
  caseVersion: 0,
  go: (view, patch) => set({ view, ...(patch ?? {}) }),
  set: (patch) => set(patch),
  setJob: (j) => set((s) => ({ jobs: { ...s.jobs, [j.jobId]: j } })),
  notify: (text, kind = 'error') => set({ toast: { text, kind } }),
}));

/** Location hash ⇄ view + main selection, so reload lands on the same screen. */
export function hashOf(s: Pick<UiState, 'view' | 'alertId' | 'subscriber' | 'nodeId' | 'ladder'>): string {
  const p = new URLSearchParams();
  if (s.view === 'alerts' && s.alertId) p.set('alert', s.alertId);
  if (s.view === 'graph' && s.nodeId) p.set('node', s.nodeId);
  if (s.view === 'timeline' && s.subscriber?.imsi) p.set('imsi', s.subscriber.imsi);
  if (s.view === 'timeline' && s.subscriber?.msisdn) p.set('msisdn', s.subscriber.msisdn);
  if (s.view === 'ladder' && s.ladder && 'frame' in s.ladder) {
    p.set('ev', s.ladder.evidence);
    p.set('frame', String(s.ladder.frame));
  }
  const q = p.toString();
  return `#${s.view}${q ? `?${q}` : ''}`;
}

export function applyHash(hash: string): Partial<UiState> | null {
  const m = /^#(\w+)(?:\?(.*))?$/.exec(hash);
  if (!m || !VIEWS.some((v) => v.id === m[1])) return null;
  const p = new URLSearchParams(m[2] ?? '');
  const out: Partial<UiState> = { view: m[1] as ViewId };
  if (p.get('alert')) out.alertId = p.get('alert');
  if (p.get('node')) out.nodeId = p.get('node');
  if (p.get('imsi') || p.get('msisdn')) out.subscriber = { imsi: p.get('imsi') ?? undefined, msisdn: p.get('msisdn') ?? undefined };
  if (p.get('ev') && p.get('frame')) out.ladder = { evidence: p.get('ev')!, frame: Number(p.get('frame')) };
  return out;
}
