/** The scenario catalogue: every attack scenario and its benign look-alikes, in a stable order. */
import type { ScenarioDef, CatalogueEntry } from './types.js';
import { scenario as ati } from './ati-tracking.js';
import { scenario as srismPsi } from './srism-psi.js';
import { scenario as lowSlow } from './low-slow-tracking.js';
import { scenario as smsInt } from './sms-interception.js';
import { scenario as cf } from './call-forward-hijack.js';
import { scenario as msrn } from './msrn-redirection.js';
import { scenario as camel } from './camel-redirection.js';
import { scenario as sendImsi } from './send-imsi.js';
import { scenario as cl } from './dos-cancel-location.js';
import { scenario as purge } from './dos-purge-ms.js';
import { scenario as dsd } from './dos-delete-subscriber-data.js';
import { scenario as scan } from './srism-scanning.js';
import { scenario as ussd } from './ussd-fraud.js';
import { scenario as mo } from './mo-sms-spoofing.js';
import { scenario as gt } from './gt-spoofing.js';
import { scenario as eGo } from './evasion-global-opcode.js';
import { scenario as eAcn } from './evasion-malformed-acn.js';
import { scenario as eNd } from './evasion-no-dialogue.js';
import { scenario as eMi } from './evasion-multi-invoke.js';
import { scenario as eMgt } from './evasion-e214-mgt.js';
import { scenario as idr } from './dia-idr-location.js';
import { scenario as clr } from './dia-clr-dos.js';
import { scenario as pur } from './dia-pur-nor.js';
import { scenario as ulr } from './dia-ulr-implausible.js';
import { scenario as air } from './dia-air-probing.js';

export const SCENARIOS: ScenarioDef[] = [ati, srismPsi, lowSlow, smsInt, cf, msrn, camel, sendImsi, cl, purge, dsd, scan, ussd, mo, gt, eGo, eAcn, eNd, eMi, eMgt, idr, clr, pur, ulr, air];

export function catalogue(): CatalogueEntry[] {
  return SCENARIOS.map((s) => s.meta);
}

export function scenarioById(id: string): ScenarioDef | undefined {
  return SCENARIOS.find((s) => s.meta.id === id);
}

export type { ScenarioDef, CatalogueEntry } from './types.js';
