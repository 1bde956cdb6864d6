/**
 * A network profile's JSON without some optional fields, as a sparser real deployment may write it
 * (used by the detector fixtures and by `npm run eval -- --strip-profile`).
 *   'partners'  – no partner list at all
 *   'home.F'    – the home network without field F
 *   'partners.F'– every partner without field F
 */
export interface ProfileJson {
  home: Record<string, unknown>;
  partners: Array<Record<string, unknown>>;
}

export function checkStripField(f: string): void {
  const [where, field] = f.split('.');
  if (f !== 'partners' && ((where !== 'home' && where !== 'partners') || !field)) throw new Error(`${f} is not partners, home.FIELD or partners.FIELD`);
}

/** Removes the fields in place and returns the profile. */
export function stripProfile<T extends ProfileJson>(p: T, fields: readonly string[]): T {
  for (const f of fields) {
    checkStripField(f);
    if (f === 'partners') {
      p.partners = [];
      continue;
    }
    const [where, field] = f.split('.') as ['home' | 'partners', string];
    for (const o of where === 'home' ? [p.home] : p.partners) delete o[field];
  }
  return p;
}
