import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryOfE164, countryOfMcc, distanceKm, allCountries, plmnOfRealm, plmnOfVisited, ccOf } from '../../shared/detect/geo.js';

test('E.164: longest country code wins', () => {
  assert.equal(countryOfE164('351912345678')?.iso, 'PT');
  assert.equal(countryOfE164('351912345678')?.cc, '351');
  assert.equal(countryOfE164('34600000000')?.iso, 'ES');
  assert.equal(countryOfE164('4477009001')?.iso, 'GB');
  assert.equal(countryOfE164('2348030000001')?.iso, 'NG');
  assert.equal(countryOfE164('79161234567')?.iso, 'RU');
  assert.equal(countryOfE164('77011234567')?.iso, 'KZ');
  assert.equal(countryOfE164('77011234567')?.cc, '7');
  assert.equal(countryOfE164('59971234567')?.cc, '599');
  assert.equal(countryOfE164('+4915112345678')?.iso, 'DE');
  assert.equal(ccOf('9715012345'), '971');
});

test('E.164: international networks and satellite codes have no coordinate', () => {
  const n = countryOfE164('882340000123');
  assert.equal(n?.cc, '882');
  assert.equal(n?.iso, 'XN');
  assert.equal(n?.lat, undefined);
  assert.equal(countryOfE164('88351000000')?.cc, '883');
  assert.equal(countryOfE164('8816000000')?.iso, 'XS');
  assert.equal(distanceKm(countryOfE164('882340000123'), countryOfE164('351912345678')), undefined);
});

test('E.164: NANP area codes resolve to Canada and the Caribbean, default United States', () => {
  assert.equal(countryOfE164('14165550000')?.iso, 'CA');
  assert.equal(countryOfE164('18765550000')?.iso, 'JM');
  assert.equal(countryOfE164('17875550000')?.iso, 'PR');
  assert.equal(countryOfE164('12125550000')?.iso, 'US');
  assert.equal(countryOfE164('12125550000')?.cc, '1');
});

test('E.212: MCC and IMSI lookups', () => {
  assert.equal(countryOfMcc('268')?.iso, 'PT');
  assert.equal(countryOfMcc('222740000000009')?.iso, 'IT');
  assert.equal(countryOfMcc('310')?.iso, 'US');
  assert.equal(countryOfMcc('311')?.iso, 'US');
  assert.equal(countryOfMcc('302')?.iso, 'CA');
  assert.equal(countryOfMcc('659')?.iso, 'SS');
  assert.equal(countryOfMcc('297')?.iso, 'ME');
  assert.equal(countryOfMcc('901')?.iso, 'XM');
  assert.deepEqual(countryOfMcc('999999'), countryOfMcc('999'));
  assert.equal(countryOfMcc('12'), undefined);
  assert.equal(countryOfMcc('000'), undefined);
});

test('every country code maps to a named country', () => {
  const names = new Set(allCountries().map((c) => c.iso));
  assert.ok(names.size > 230, `only ${names.size} countries`);
  for (const d of ['1', '20', '211', '299', '30', '423', '500', '599', '670', '692', '7', '800', '850', '886', '90', '998'])
    assert.ok(countryOfE164(d + '123456'), `no country for +${d}`);
});

test('distance between reference coordinates', () => {
  const lis = countryOfMcc('268'), mad = countryOfMcc('214'), rom = countryOfMcc('222');
  const d1 = distanceKm(lis, mad)!, d2 = distanceKm(lis, rom)!;
  assert.ok(d1 > 450 && d1 < 560, `Lisbon–Madrid ${d1}`);
  assert.ok(d2 > 1800 && d2 < 1950, `Lisbon–Rome ${d2}`);
  assert.equal(distanceKm(lis, lis), 0);
});

test('PLMN from realm and Visited-PLMN-Id', () => {
  assert.deepEqual(plmnOfRealm('epc.mnc074.mcc222.3gppnetwork.org'), { mcc: '222', mnc: '74' });
  assert.deepEqual(plmnOfRealm('epc.mnc410.mcc310.3gppnetwork.org'), { mcc: '310', mnc: '410' });
  assert.equal(plmnOfRealm('example.com'), undefined);
  assert.deepEqual(plmnOfVisited('62f210'), { mcc: '262', mnc: '01' });
  assert.deepEqual(plmnOfVisited('22274'), { mcc: '222', mnc: '74' });
});

test('a node owned by a profile network is placed in that network\'s MCC country, not where its shared country code points', async () => {
  const { NetView } = await import('../../shared/detect/net.js');
  const profile = {
    home: { name: 'Home', mcc: '268', mnc: ['01'], cc: '351', gtPrefixes: ['3519'], msisdnPrefixes: ['35191'], pointCodes: [100], nodes: [] },
    partners: [
      { name: 'US-Partner', kind: 'roaming' as const, mcc: '310', mnc: ['260'], cc: '1', gtPrefixes: ['1876'], pointCodes: [200] },
      { name: 'KZ-Partner', kind: 'roaming' as const, mcc: '401', mnc: ['01'], cc: '7', gtPrefixes: ['7916'], pointCodes: [300] },
    ],
  };
  const net = new NetView(profile);
  assert.equal(net.countryOfNode('18765550101')?.iso, 'US'); // +1 876 reads as Jamaica by number alone
  assert.equal(countryOfE164('18765550101')?.iso, 'JM');
  assert.equal(net.countryOfNode('79165550101')?.iso, 'KZ'); // +7 916 reads as Russia by number alone
  assert.equal(net.countryOfNode('35190000001')?.iso, 'PT'); // home
  assert.equal(net.countryOfNode('4412345678')?.iso, 'GB'); // not in the profile: the E.164 table
  assert.equal(new NetView(null).countryOfNode('18765550101')?.iso, 'JM'); // no profile: the number
});
