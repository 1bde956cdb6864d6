import { evasionScenario } from './evasion-encodings.js';

export const scenario = evasionScenario('malformed-acn', {
  id: 'evasion-malformed-acn',
  title: 'Evasion: malformed application context',
  steps: ['Attacker has interconnect access through an IPX carrier and knows the victim MSISDN.', 'anyTimeInterrogation in a dialogue whose application-context name is not a valid MAP context (unknown version, trailing arc), to confuse ACN-based filters.', 'The HLR (which decodes the operation regardless) answers with the location.'],
  evidence: ['AARQ with an application-context OID that no MAP version defines'],
  distinguish: 'Benign peers use the standard context and version of the operation.',
});
