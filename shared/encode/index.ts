/** Encoders for every layer Sigtrail decodes: pcap, Ethernet/IPv4/SCTP, M3UA, SCCP, TCAP, MAP, CAP, ISUP, SMS TPDU, Diameter. */
export * from './bytes.js';
export * from './crc32c.js';
export * from './pcap.js';
export * from './sctp.js';
export * from './m3ua.js';
export * from './sccp.js';
export * from './tcap.js';
export * from './map.js';
export * from './cap.js';
export * from './isup.js';
export * from './sms.js';
export * from './diameter.js';
