/** Classic pcap (microsecond timestamps, little-endian) writer primitives. */

export const LINKTYPE_ETHERNET = 1;

/** 24-byte global header. */
export function pcapGlobalHeader(linkType = LINKTYPE_ETHERNET, snaplen = 65535): Uint8Array {
  const b = new Uint8Array(24);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setInt32(8, 0, true);
  dv.setUint32(12, 0, true);
  dv.setUint32(16, snaplen, true);
  dv.setUint32(20, linkType, true);
  return b;
}

/** Writes a 16-byte record header at `off`. */
export function writeRecordHeader(dv: DataView, off: number, tsSec: number, tsUsec: number, len: number): void {
  dv.setUint32(off, tsSec, true);
  dv.setUint32(off + 4, tsUsec, true);
  dv.setUint32(off + 8, len, true);
  dv.setUint32(off + 12, len, true);
}
