export function hexDump(hex: string): string {
  const lines: string[] = [];
  const n = hex.length / 2;
  for (let o = 0; o < n; o += 16) {
    let h = '', a = '';
    for (let i = 0; i < 16; i++) {
      if (o + i < n) {
        const b = parseInt(hex.substr((o + i) * 2, 2), 16);
        h += hex.substr((o + i) * 2, 2) + (i === 7 ? '  ' : ' ');
        a += b >= 32 && b < 127 ? String.fromCharCode(b) : '.';
      } else h += i === 7 ? '    ' : '   ';
    }
    lines.push(`${o.toString(16).padStart(6, '0')}  ${h} ${a}`);
  }
  return lines.join('\n');
}

export function Hex({ hex }: { hex: string }) {
  return <pre className="hex" data-testid="hex">{hexDump(hex)}</pre>;
}
