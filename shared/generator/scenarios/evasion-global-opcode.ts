import { evasionScenario } from './evasion-encodings.js';

export const scenario = evasionScenario('global-opcode', {
  id: 'evasion-global-opcode',
  title: 'Evasion: global operation code',
  steps: ['Attacker has interconnect access through an IPX carrier and knows the victim MSISDN.', 'anyTimeInterrogation sent with a global (OID) operation code instead of local value 71, so opcode-based screening does not match.', 'The HLR (which decodes the operation regardless) answers with the location.'],
  evidence: ['Invoke with an OBJECT IDENTIFIER operation code on a MAP dialogue'],
  distinguish: 'Real MAP peers always use local operation codes.',
});
