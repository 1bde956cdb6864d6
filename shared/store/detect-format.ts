/**
 * Recognises what kind of file an ingest input is from its first bytes
 * (decompressed first bytes for .gz). Pure: the caller reads the bytes.
 */
export type InputKind = 'pcap' | 'pcapng' | 'ndjson' | 'tshark-ek' | 'tshark-tsv' | 'parquet' | 'csv' | 'unknown';

export function sniffKind(head: Uint8Array, gzip: boolean): { kind: InputKind; captureType: string } {
  const suffix = gzip ? '.gz' : '';
  const b = head;
  if (b.length >= 4) {
    const m = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    if (m === 0xa1b2c3d4 || m === 0xd4c3b2a1 || m === 0xa1b23c4d || m === 0x4d3cb2a1) return { kind: 'pcap', captureType: 'pcap' + suffix };
    if (m === 0x0a0d0d0a) return { kind: 'pcapng', captureType: 'pcapng' + suffix };
    if (b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return { kind: 'parquet', captureType: 'parquet' };
  }
  let text = '';
  const n = Math.min(b.length, 4096);
  for (let i = 0; i < n; i++) text += String.fromCharCode(b[i]!);
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('frame.number\t')) return { kind: 'tshark-tsv', captureType: 'tshark-tsv' + suffix };
  if (t.startsWith('{')) {
    const first = t.slice(0, t.indexOf('\n') >= 0 ? t.indexOf('\n') : t.length);
    if (/^\{"index"\s*:/.test(first) || /"layers"\s*:/.test(first)) return { kind: 'tshark-ek', captureType: 'tshark-ek' + suffix };
    return { kind: 'ndjson', captureType: 'ndjson' + suffix };
  }
  if (/^[^\n]*,[^\n]*\n/.test(t) || /^[^\n]*\t[^\n]*\n/.test(t)) return { kind: 'csv', captureType: 'csv' + suffix };
  return { kind: 'unknown', captureType: 'unknown' };
}
