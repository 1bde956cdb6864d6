/**
 * Re-reads one frame's captured bytes from an evidence file by the record's
 * file_offset (offset of the pcap record header / pcapng block in the
 * uncompressed stream). Works for pcap (both byte orders, µs/ns), pcapng (EPB,
 * SPB, obsolete PB) and gzip-compressed captures (streamed, never loaded whole).
 */
import { openSync, readSync, closeSync, createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export interface FrameBytes {
  bytes: Uint8Array;
  linkType: number | null;
}

const MAX_FRAME = 256 * 1024;

async function readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      const b = Buffer.alloc(length);
      const n = readSync(fd, b, 0, length, offset);
      return b.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
  // gzip: stream through, keep only the wanted window.
  return new Promise((resolve, reject) => {
    const out = Buffer.alloc(length);
    let pos = 0, got = 0, done = false;
    const src = createReadStream(path);
    const gz = createGunzip();
    const finish = () => {
      if (done) return;
      done = true;
      src.destroy();
      gz.destroy();
      resolve(out.subarray(0, got));
    };
    gz.on('data', (chunk: Buffer) => {
      const end = pos + chunk.length;
      if (end > offset && got < length) {
        const from = Math.max(0, offset - pos);
        const n = Math.min(chunk.length - from, length - got);
        chunk.copy(out, got, from, from + n);
        got += n;
      }
      pos = end;
      if (got >= length) finish();
    });
    gz.on('end', finish);
    gz.on('error', (e) => (got > 0 ? finish() : reject(e)));
    src.on('error', reject);
    src.pipe(gz);
  });
}

function u32(b: Uint8Array, o: number, le: boolean): number {
  return le ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0 : ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** Returns the frame bytes at `fileOffset`, or throws an Error with a one-line reason. */
export async function readFrameBytes(path: string, fileOffset: number, frame?: number): Promise<FrameBytes> {
  if (!Number.isInteger(fileOffset) || fileOffset < 0) throw new Error('no file offset recorded for this message (metadata import): raw bytes are not available');
  const hdr = await readRange(path, 0, 28);
  if (hdr.length < 24) throw new Error('file too short to be a capture');
  const magicBE = u32(hdr, 0, false);
  if (magicBE === 0xa1b2c3d4 || magicBE === 0xa1b23c4d || magicBE === 0xd4c3b2a1 || magicBE === 0x4d3cb2a1) {
    const le = magicBE === 0xd4c3b2a1 || magicBE === 0x4d3cb2a1;
    const linkType = u32(hdr, 20, le) & 0x0fffffff;
    const rec = await readRange(path, fileOffset, 16);
    if (rec.length < 16) throw new Error(`no pcap record at offset ${fileOffset}`);
    const incl = u32(rec, 8, le);
    if (incl > MAX_FRAME) throw new Error(`implausible record length ${incl} at offset ${fileOffset}${frame ? ` (frame ${frame})` : ''}`);
    const bytes = await readRange(path, fileOffset + 16, incl);
    return { bytes, linkType };
  }
  if (magicBE === 0x0a0d0d0a) {
    const bom = u32(hdr, 8, false);
    let le = bom === 0x4d3c2b1a;
    // Find the section's byte order and interface link types by walking from the start up to the offset.
    const linkTypes: number[] = [];
    let pos = 0;
    for (let guard = 0; pos < fileOffset && guard < 1_000_000; guard++) {
      const b = await readRange(path, pos, 16);
      if (b.length < 12) break;
      const type = u32(b, 0, le);
      if (type === 0x0a0d0d0a) {
        le = u32(b, 8, false) === 0x4d3c2b1a;
        linkTypes.length = 0;
      }
      const len = u32(b, 4, le);
      if (len < 12 || len % 4 !== 0) throw new Error(`bad pcapng block length ${len} at offset ${pos}`);
      if (type === 1) linkTypes.push(le ? b[8]! | (b[9]! << 8) : (b[8]! << 8) | b[9]!);
      pos += len;
      if (fileOffset - pos > 64 * 1024 * 1024 && linkTypes.length > 0) break; // interfaces come first; stop walking far files
    }
    const blk = await readRange(path, fileOffset, 28);
    if (blk.length < 12) throw new Error(`no pcapng block at offset ${fileOffset}`);
    const type = u32(blk, 0, le);
    const len = u32(blk, 4, le);
    if (len > MAX_FRAME + 64) throw new Error(`implausible block length ${len} at offset ${fileOffset}`);
    if (type === 6 || type === 2) {
      const iface = type === 6 ? u32(blk, 8, le) : (le ? blk[8]! | (blk[9]! << 8) : (blk[8]! << 8) | blk[9]!);
      const cap = u32(blk, 20, le);
      if (cap > len) throw new Error(`captured length ${cap} exceeds block at offset ${fileOffset}`);
      return { bytes: await readRange(path, fileOffset + 28, cap), linkType: linkTypes[iface] ?? null };
    }
    if (type === 3) {
      const orig = u32(blk, 8, le);
      const cap = Math.min(orig, len - 16);
      return { bytes: await readRange(path, fileOffset + 12, cap), linkType: linkTypes[0] ?? null };
    }
    throw new Error(`block type ${type} at offset ${fileOffset} is not a packet block`);
  }
  throw new Error('evidence is not a pcap/pcapng capture: raw bytes are not available for metadata imports');
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}
