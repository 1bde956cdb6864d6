import { evasionScenario } from './evasion-encodings.js';

export const scenario = evasionScenario('no-dialogue', {
  id: 'evasion-no-dialogue',
  title: 'Evasion: Begin without dialogue portion',
  steps: ['Attacker has interconnect access through an IPX carrier and knows the victim MSISDN.', 'anyTimeInterrogation in a TCAP Begin without dialogue portion (MAP v1 style), so ACN screening sees nothing.', 'The HLR (which decodes the operation regardless) answers with the location.'],
  evidence: ['TCAP Begin carrying an invoke but no dialogue portion, for an operation that only exists in MAP v3'],
  distinguish: 'Phase 2+ operations always open with an AARQ naming their context.',
});
