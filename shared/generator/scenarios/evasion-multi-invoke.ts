import { evasionScenario } from './evasion-encodings.js';

export const scenario = evasionScenario('multi-invoke', {
  id: 'evasion-multi-invoke',
  title: 'Evasion: two invokes in one Begin',
  steps: ['Attacker has interconnect access through an IPX carrier and knows the victim MSISDN.', 'A harmless sendRoutingInfoForSM first and anyTimeInterrogation second in the same Begin, so filters that inspect only the first component let it through.', 'The HLR (which decodes the operation regardless) answers with the location.'],
  evidence: ['Begin with two invoke components of different operations'],
  distinguish: 'Benign dialogues carry one invoke per Begin.',
});
