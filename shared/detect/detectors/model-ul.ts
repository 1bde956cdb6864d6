/**
 * Learned model: logistic regression over per-location-update feature vectors
 * (model/features.ts), weights in model/weights.json, retrained by
 * `node --import tsx shared/node/detect/train-model.ts`. Each alert lists the features that
 * pushed the score up, so the decision can be checked by hand.
 */
import type { Detector } from '../types.js';
import { UlFeatureTracker, FEATURES, IX } from '../model/features.js';
import { logOdds, score, type LogisticModel } from '../model/logistic.js';
import { attackerOf, fmtDur, senderLabel, subLabel, victimOf } from './common.js';
import weights from '../model/weights.json' with { type: 'json' };

const FEATURE_TEXT: Record<string, string> = {
  log_distance_km: 'distance from the previous location (km)',
  log_hours_since_prev: 'hours since the previous location evidence',
  log_speed_kmh: 'implied travel speed (km/h)',
  no_prev_location: 'no previous location evidence',
  not_partner: 'sender not a roaming partner',
  gt_node_country_mismatch: 'GT / VLR-number (or realm / Visited-PLMN) mismatch',
  non_geographic_gt: 'non-geographic (+88x) GT',
  no_sai_before: 'no authentication (SAI/AIR) from the same node before the update',
  log_sai_ul_gap_s: 'SAI↔UL gap (s)',
  n_cl: 'cancelLocation before', n_psi: 'provideSubscriberInfo before', n_sri: 'sendRoutingInfo before', n_srism: 'sendRoutingInfoForSM before',
  n_ussd: 'USSD before', n_mo: 'MO-SMS before', n_mt: 'MT-SMS before', n_ati: 'anyTimeInterrogation before',
  mt_to_new_node_after: 'MT-SMS sent to the new node within the hour',
  old_vlr_active_after: 'old VLR still active for the subscriber',
  new_node_active_after: 'new node active for the subscriber afterwards',
  log_node_subscribers: 'other home subscribers registered by this node',
};

/** Feature value as a person reads it: log1p-scaled features back on their own scale. */
function shown(feature: string, v: number): string {
  if (feature.startsWith('log_') || feature.startsWith('n_') || feature.endsWith('_after')) {
    const raw = Math.expm1(v);
    return raw >= 10 ? String(Math.round(raw)) : raw.toFixed(raw % 1 ? 1 : 0);
  }
  return v ? 'yes' : 'no';
}

export function loadedModel(): LogisticModel | undefined {
  const w = weights as unknown as Partial<LogisticModel>;
  return w.kind === 'logistic-regression' && Array.isArray(w.weights) ? (w as LogisticModel) : undefined;
}

/**
 * Upper bound of a sample's score before the case-wide node feature (log_node_subscribers) is
 * known: that feature at its most suspicious value (0 other subscribers, its weight being
 * negative). Samples below the threshold even then are dropped as they complete (on a 1 M-message
 * case ~100k updates would otherwise be held with their context rows until the end).
 */
function canReach(m: LogisticModel, thr: number): ((x: number[]) => boolean) | undefined {
  const k = m.features.indexOf('log_node_subscribers');
  if (!(thr > 0 && thr < 1) || k !== IX.log_node_subscribers || m.features.length !== FEATURES.length || m.features.some((f, i) => f !== FEATURES[i])) return undefined;
  if ((m.weights[k] ?? 0) > 0) return undefined; // unbounded above: keep every sample
  const zThr = Math.log(thr / (1 - thr));
  return (x) => {
    const v = x[k]!;
    x[k] = 0;
    const z = logOdds(m, x);
    x[k] = v;
    return z >= zThr;
  };
}

export const detector: Detector = {
  meta: {
    id: 'model-ul',
    title: 'Learned model: suspicious location update',
    description:
      'A logistic-regression model scores every location update of a home subscriber from outside the home network: distance and time since the previous location evidence (countries from the profile’s partner MCCs, else E.164/E.212) and the implied speed, partner status, GT/VLR-number consistency, whether the same node fetched authentication vectors first, the queries (CL/PSI/SRI/SRI-SM/USSD/ATI) and SMS seen between updates, what follows (MT-SMS to the new node, old VLR or new node still acting for the subscriber) and how many home subscribers the node registered. It learns a travel-time boundary from data instead of one fixed speed, so a fake update from a neighbouring partner a few hundred km away minutes after activity at home scores high even below the rules’ impossible-travel speed. Trained on generated scenarios; reported beside the rules in `npm run eval`.',
    severity: 'medium',
    category: 'model',
    techniques: ['T1430.002', 'T1449'],
    references: ['shared/detect/model/weights.json (training set and metrics inside)'],
    falsePositives: [
      'Feature distributions of real networks differ from the generated training worlds',
      'Border roaming: a subscriber near a border can attach to a neighbouring country’s partner minutes after home activity, while distances are measured between reference coordinates (capitals)',
    ],
    tunables: { threshold: { default: 0, description: 'score threshold (0 = the one stored with the weights)' } },
    needsProfile: true,
  },
  create(ctx) {
    const model = loadedModel();
    const thr = ctx.num('threshold') || model?.threshold || 0.5;
    const tracker = new UlFeatureTracker(ctx.net, ctx.state, model ? canReach(model, thr) : undefined);
    return {
      row(r) {
        if (model) tracker.row(r);
      },
      finish() {
        if (!model) return;
        for (const s of tracker.finish()) {
          const { p, contributions } = score(model, s.x);
          if (p < thr) continue;
          const top = contributions.filter((c) => c.contribution > 0.25).slice(0, 4);
          const o = ctx.net.senderOf(s.row);
          const sub = { imsi: s.imsi, msisdn: ctx.state.msisdnOf(s.imsi) };
          const f = s.facts;
          const travel = f.hours !== undefined ? `; previous location ${f.from ?? '?'} → ${f.to ?? '?'}, ${f.km} km in ${fmtDur(f.hours * 3600)} (${f.speed} km/h)` : '; no previous location evidence';
          ctx.emit({
            key: `${s.imsi}|${s.row.frame}`,
            rows: top.some((c) => c.feature === 'mt_to_new_node_after') ? [...s.context, ...s.mtRows] : s.context,
            start: s.row.ts,
            end: s.row.ts,
            attacker: attackerOf(s.row, o),
            victim: victimOf(sub),
            explanation: `Location update for ${subLabel(ctx.net, sub)} from ${senderLabel(s.row, o)} (node ${f.node}) scored ${p.toFixed(2)} (threshold ${thr})${travel}; main factors: ${top.map((c) => `${FEATURE_TEXT[c.feature] ?? c.feature} = ${shown(c.feature, c.value)} (+${c.contribution.toFixed(2)})`).join(', ') || 'none above 0.25'}.`,
            facts: { score: Number(p.toFixed(3)), ...(f.speed !== undefined ? { speedKmh: f.speed, km: f.km ?? 0, hours: Number((f.hours ?? 0).toFixed(2)) } : {}) },
          });
        }
      },
    };
  },
};
