import { evasionScenario } from './evasion-encodings.js';

export const scenario = evasionScenario('e214-mgt', {
  id: 'evasion-e214-mgt',
  title: 'Evasion: E.214 MGT called address',
  steps: ['Attacker has interconnect access through an IPX carrier and knows the victim MSISDN.', 'provideSubscriberInfo routed on an E.214 mobile global title (numbering plan 7) built from the IMSI, so E.164-based screening rules do not match.', 'The HLR (which decodes the operation regardless) answers with the location.'],
  evidence: ['SCCP called party with numbering plan E.214 on an operation other than SAI/UL'],
  distinguish: 'Only the first location-management messages of a roaming subscriber are routed on E.214 MGT.',
});
