/**
 * Detector fixtures: every built-in detector has test/detect/fixtures/<id>.ts with attack, evasive
 * and benign look-alike cases (input rows + expected alerts of that detector). Look-alikes must
 * raise no alert from any detector.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { runDetectorsSync } from '../../shared/detect/engine.js';
import { BUILTIN } from '../../shared/detect/detectors/index.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';
import type { FixtureCase } from './fixtures/types.js';
import { resetFrames } from './build.js';
import { stripProfile, type ProfileJson } from '../helpers/sparse-profile.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const profile = parseProfile(readFileSync(join(dir, 'profile.json'), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'types.ts');

/** The fixture profile without some optional fields (validated again, as a user's file would be). */
function sparser(without: NonNullable<FixtureCase['profileWithout']>): ReturnType<typeof parseProfile> {
  return parseProfile(JSON.stringify(stripProfile(JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as ProfileJson, without)));
}

test('every built-in detector has a fixture file with attack/evasive and look-alike cases', async () => {
  const have = new Set(files.map((f) => f.replace(/\.ts$/, '')));
  for (const d of BUILTIN) {
    assert.ok(have.has(d.meta.id), `missing fixture for ${d.meta.id}`);
    const { cases } = (await import(pathToFileURL(join(dir, d.meta.id + '.ts')).href)) as { cases: FixtureCase[] };
    assert.ok(cases.some((c) => c.kind !== 'lookalike'), `${d.meta.id}: no attack case`);
    assert.ok(cases.some((c) => c.kind === 'lookalike'), `${d.meta.id}: no look-alike case`);
  }
});

for (const f of files) {
  const id = f.replace(/\.ts$/, '');
  test(`fixtures: ${id}`, async (t) => {
    const { cases } = (await import(pathToFileURL(join(dir, f)).href)) as { cases: FixtureCase[] };
    for (const c of cases) {
      await t.test(`${c.kind}: ${c.name}`, () => {
        resetFrames();
        const rows = c.rows().map((r) => ({ ...r, evidence_id: 'fixture.pcap' }));
        const alerts = runDetectorsSync(rows, { profile: c.profileWithout ? sparser(c.profileWithout) : profile, config: { ...(c.tunables ? { tunables: c.tunables } : {}) } });
        const mine = alerts.filter((a) => a.detector === id);
        const show = (): string => alerts.map((a) => `  [${a.detector}] ${a.explanation}`).join('\n');
        assert.equal(mine.length, c.expect.length, `expected ${c.expect.length} ${id} alert(s), got ${mine.length}:\n${show()}`);
        for (const e of c.expect) {
          const hit = mine.find(
            (a) =>
              (!e.imsi || a.victim.imsi === e.imsi) &&
              (!e.msisdn || a.victim.msisdn === e.msisdn) &&
              (!e.attackerGt || a.attacker.gt === e.attackerGt) &&
              (!e.frames || e.frames.every((fr) => a.frames.some((x) => x.frame === fr))),
          );
          assert.ok(hit, `no ${id} alert matching ${JSON.stringify(e)}:\n${show()}`);
          assert.ok(hit.explanation.length > 40, 'explanation is a readable rule trace');
          assert.ok(hit.frames.every((x) => x.evidence === 'fixture.pcap'), 'frames carry their evidence');
          assert.ok(hit.start <= hit.end);
        }
        if (c.kind === 'lookalike' && c.silentAll !== false) assert.equal(alerts.length, 0, `look-alike raised alerts:\n${show()}`);
      });
    }
  });
}
