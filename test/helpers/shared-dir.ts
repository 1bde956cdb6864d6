/** The team folder beside the repository (`../shared`: public captures and tshark's oracle), wherever the checkout is. */
import { resolve } from 'node:path';

export const SHARED = resolve(new URL('../../..', import.meta.url).pathname, 'shared');
export const CAPTURES = resolve(SHARED, 'captures');
export const ORACLE_SCRIPT = resolve(SHARED, 'oracle/tshark-fields.sh');
export const ORACLE_EXPECTED = resolve(SHARED, 'oracle/expected');
