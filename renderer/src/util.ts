import type { Severity } from '../../shared/model/alert.js';

export function fmtTime(ts: number | null | undefined, withMs = true): string {
  if (ts === null || ts === undefined || !Number.isFinite(ts)) return '—';
  const d = new Date(ts * 1000);
  const s = d.toISOString().replace('T', ' ').replace('Z', '');
  return withMs ? s : s.slice(0, 19);
}
export function fmtNum(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US');
}
export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const u = ['B', 'KiB', 'MiB', 'GiB'];
  let i = 0, v = n;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${u[i]}`;
}
export function fmtDur(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '—';
  if (s < 1) return `${(s * 1000).toFixed(0)} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${(s / 3600).toFixed(1)} h`;
}
export const SEV_COLOR: Record<Severity, string> = { critical: '#ff4d6d', high: '#ff8c42', medium: '#f4c542', low: '#5ab0ff', info: '#8b96a5' };
export const FAMILY_COLOR: Record<string, string> = {
  map: '#4cc9f0', cap: '#b388ff', diameter: '#f77f00', isup: '#90be6d', tcap: '#43aa8b', sccp: '#577590', m3ua: '#6c757d', mtp3: '#adb5bd', sua: '#f9c74f', m2pa: '#8d99ae', m2ua: '#8d99ae', other: '#495057',
};
const PALETTE = ['#4cc9f0', '#f77f00', '#90be6d', '#b388ff', '#f9c74f', '#43aa8b', '#ef476f', '#118ab2', '#ffd166', '#06d6a0', '#9b5de5', '#f15bb5', '#00bbf9', '#fee440', '#8ac926'];
export function colorFor(key: string | null): string {
  if (!key) return '#5c6773';
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length]!;
}
export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
