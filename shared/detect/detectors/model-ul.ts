/**
 * Learned model: logistic regression over per-location-update feature vectors
 * (model/features.ts), weights in model/weights.json, retrained by
 * `node --import tsx shared/node/detect/train-model.ts`. Each alert lists the features that
 * pushed the score up, so the decision can be checked by hand.
 */
import type { Detector } from '../types.js';
import { UlFeatureTracker } from '../model/features.js';
import { score, type LogisticModel } from '../model/logistic.js';
import { attackerOf, senderLabel, subLabel, victimOf } from './common.js';
import weights from '../model/weights.json' with { type: 'json' };

const FEATURE_TEXT: Record<string, string> = {
  log_speed_kmh: 'travel speed',
  log_distance_km: 'distance from the previous serving country',
  not_partner: 'sender not a roaming partner',
  gt_node_country_mismatch: 'GT / VLR-number country mismatch',
  non_geographic_gt: 'non-geographic (+88x) GT',
  no_sai_before: 'no authentication (SAI/AIR) before the update',
  log_sai_ul_gap_s: 'SAI↔UL gap',
  log_hours_since_prev_ul: 'time since the previous update',
  n_cl: 'cancelLocation before', n_psi: 'provideSubscriberInfo before', n_sri: 'sendRoutingInfo before', n_srism: 'sendRoutingInfoForSM before',
  n_ussd: 'USSD before', n_mo: 'MO-SMS before', n_mt: 'MT-SMS before', n_ati: 'anyTimeInterrogation before',
  mt_to_new_node_after: 'MT-SMS sent to the new node afterwards',
  old_vlr_active_after: 'old VLR still active afterwards',
};

export function loadedModel(): LogisticModel | undefined {
  const w = weights as unknown as Partial<LogisticModel>;
  return w.kind === 'logistic-regression' && Array.isArray(w.weights) ? (w as LogisticModel) : undefined;
}

export const detector: Detector = {
  meta: {
    id: 'model-ul',
    title: 'Learned model: suspicious location update',
    description:
      'A logistic-regression model scores every location update of a home subscriber from outside the home network, from travel speed and distance, partner status, GT/VLR-number consistency, the SAI↔UL gap, the queries (CL/PSI/SRI/SRI-SM/USSD/ATI) and SMS seen between updates, and what follows (MT-SMS to the new node, old VLR still active). Trained on generated scenarios; reported beside the rules in `npm run eval`.',
    severity: 'medium',
    category: 'model',
    techniques: ['T1430.002', 'T1449'],
    references: ['shared/detect/model/weights.json (training set and metrics inside)'],
    falsePositives: ['Feature distributions of real networks differ from the generated training worlds'],
    tunables: { threshold: { default: 0, description: 'score threshold (0 = the one stored with the weights)' } },
    needsProfile: true,
  },
  create(ctx) {
    const model = loadedModel();
    const tracker = new UlFeatureTracker(ctx.net, ctx.state);
    const thr = ctx.num('threshold') || model?.threshold || 0.5;
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
          ctx.emit({
            key: `${s.imsi}|${s.row.frame}`,
            rows: s.context,
            start: s.row.ts,
            end: s.row.ts,
            attacker: attackerOf(s.row, o),
            victim: victimOf(sub),
            explanation: `Location update for ${subLabel(ctx.net, sub)} from ${senderLabel(s.row, o)} scored ${p.toFixed(2)} (threshold ${thr}); main factors: ${top.map((c) => `${FEATURE_TEXT[c.feature] ?? c.feature} (${c.value.toFixed(2)}, +${c.contribution.toFixed(2)})`).join(', ') || 'none above 0.25'}.`,
            facts: { score: Number(p.toFixed(3)) },
          });
        }
      },
    };
  },
};
