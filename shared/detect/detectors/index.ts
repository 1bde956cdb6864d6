/** The built-in detectors, in report order. */
import { DetectorRegistry } from '../registry.js';
import { detector as cat1 } from './fs11-cat1.js';
import { detector as cat2 } from './fs11-cat2.js';
import { detector as cat3 } from './fs11-cat3.js';
import { detector as saiNoUl } from './sai-without-ul.js';
import { detector as tracking } from './location-tracking.js';
import { detector as srism } from './srism-no-mt.js';
import { detector as scanning } from './mass-scanning.js';
import { detector as enumeration } from './number-enumeration.js';
import { detector as interception } from './sms-interception.js';
import { detector as cfw } from './call-forward-hijack.js';
import { detector as msrn } from './msrn-redirection.js';
import { detector as camel } from './camel-redirection.js';
import { detector as dos } from './subscriber-dos.js';
import { detector as ussd } from './ussd-fraud.js';
import { detector as spoof } from './gt-spoofing.js';
import { detector as evasion } from './evasion-encoding.js';
import { detector as firstSeen } from './baseline-first-seen.js';
import { detector as rate } from './baseline-rate.js';
import { detector as unanswered } from './unanswered-ratio.js';
import { detector as model } from './model-ul.js';
import type { Detector } from '../types.js';

export const BUILTIN: readonly Detector[] = [cat1, cat2, cat3, saiNoUl, tracking, srism, scanning, enumeration, interception, cfw, msrn, camel, dos, ussd, spoof, evasion, firstSeen, rate, unanswered, model];

export function defaultRegistry(): DetectorRegistry {
  const r = new DetectorRegistry();
  for (const d of BUILTIN) r.register(d);
  return r;
}
