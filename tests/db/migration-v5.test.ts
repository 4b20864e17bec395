// Migration 5 and seed version 2: stored events (the seed's, the user's, each what-if scenario's),
// profiles and the change log's images move to the regime model without losing an edit, and
// untouched seeded rows take the corrected seed while the user's stay as they are.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { migrate, schemaVersion } from '../../db/migrations';
import { listPolicyEvents } from '../../db/policies-repo';
import { listProfiles } from '../../db/profiles-repo';
import { listScenarioEvents } from '../../db/scenarios-repo';
import { seedPolicyEvents } from '../../db/seed/policies';
import { seedProfiles } from '../../db/seed/profiles';
import { SEED_VERSION_KEY, seedDatabase } from '../../db/seed/run-seed';
import { setMeta } from '../../db/meta-repo';
import { policyScope, type PolicyScope } from '../../shared/model/policy';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});
afterEach(() => db.close());

const scope = (s: Partial<PolicyScope>): string => JSON.stringify(policyScope(s));

const insertV4Event = (
  table: string,
  prefix: unknown[],
  id: string,
  issuer: string,
  effect: string,
  sc: string,
  confidence: string,
): void => {
  const cols = [
    'id',
    'issuer',
    'title',
    'effective_date',
    'end_date',
    'effect',
    'condition',
    'scope',
    'confidence',
    'source_title',
    'source_url',
    'note',
  ];
  const all = table === 'scenario_policy_events' ? ['scenario_id', ...cols] : cols;
  db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(
    ...prefix,
    id,
    issuer,
    `title ${id}`,
    '2024-01-01',
    null,
    effect,
    '',
    sc,
    confidence,
    'Memo',
    'https://example.org/memo',
    '',
  );
};

describe('migration 5', () => {
  it('rebuilds the three tables with the new columns, keeping every row and inferring regimes', () => {
    migrate(db, 4);
    insertV4Event(
      'policy_events',
      [],
      'my-own-listing',
      'US',
      'licence_required',
      scope({ entityListed: true }),
      'official',
    );
    insertV4Event(
      'policy_events',
      [],
      'my-own-cloud',
      'US',
      'allowed_with_conditions',
      scope({ deployment: 'rented', companyHq: ['CN'] }),
      'official',
    );
    insertV4Event('policy_events', [], 'my-own-cn-ban', 'CN', 'prohibited', scope({ chips: ['x'] }), 'reported');
    insertV4Event(
      'policy_events',
      [],
      'my-own-tariff',
      'MY',
      'informational',
      scope({ destinations: ['MY'] }),
      'official',
    );
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('s1', 'S1', at, at);
    insertV4Event(
      'scenario_policy_events',
      ['s1'],
      'what-if-my',
      'US',
      'licence_required',
      scope({ destinations: ['MY'] }),
      'reported',
    );
    db.prepare(
      `INSERT INTO company_profiles (id, name, description, hq_country, state_funded, entity_listed, deployment, named_company, needed_chips, builtin)
       VALUES ('mine', 'Mine', '', 'CN', 0, 0, 'owned', NULL, '["nvidia-h20","nvidia-h200"]', 0)`,
    ).run();
    // An edit logged before the upgrade: its images must be restorable afterwards.
    db.prepare(
      `INSERT INTO change_log (at, actor, batch_id, action, table_name, row_id, before, after)
       VALUES (?, 'test', 'b1', 'update', 'company_profiles', 'mine', ?, ?)`,
    ).run(
      at,
      JSON.stringify({ id: 'mine', needed_chips: '["nvidia-h20"]' }),
      JSON.stringify({ id: 'mine', needed_chips: '["nvidia-h20","nvidia-h200"]' }),
    );
    db.prepare(
      `INSERT INTO change_log (at, actor, batch_id, action, table_name, row_id, before, after)
       VALUES (?, 'test', 'b2', 'insert', 'policy_events', 'my-own-cn-ban', NULL, ?)`,
    ).run(
      at,
      JSON.stringify({
        id: 'my-own-cn-ban',
        issuer: 'CN',
        effect: 'prohibited',
        scope: scope({ chips: ['x'] }),
        confidence: 'reported',
      }),
    );

    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    const events = new Map(listPolicyEvents(db).map((e) => [e.id, e]));
    expect(events.get('my-own-listing')).toMatchObject({
      regime: 'us-entity-list',
      confidence: 'rule',
      links: [],
      publishedDate: null,
    });
    expect(events.get('my-own-cloud')).toMatchObject({ regime: 'us-cloud', confidence: 'rule' });
    expect(events.get('my-own-cn-ban')).toMatchObject({ regime: 'cn-procurement', confidence: 'reported' });
    expect(events.get('my-own-tariff')).toMatchObject({ regime: 'site-rules' });
    expect(listScenarioEvents(db, 's1')).toEqual([
      expect.objectContaining({ id: 'what-if-my', regime: 'us-destination', confidence: 'reported' }),
    ]);
    expect(listProfiles(db)).toEqual([
      expect.objectContaining({
        id: 'mine',
        trainingChips: ['nvidia-h20', 'nvidia-h200'],
        inferenceChips: [],
        ultimateParentCountry: null,
      }),
    ]);
    const images = db.prepare('SELECT table_name, before, after FROM change_log ORDER BY id').all() as {
      before: string | null;
      after: string;
    }[];
    expect(JSON.parse(images[0]?.before ?? '{}')).toEqual({
      id: 'mine',
      training_chips: '["nvidia-h20"]',
      inference_chips: '[]',
      ultimate_parent_country: null,
    });
    expect(JSON.parse(images[1]?.after ?? '{}')).toMatchObject({
      regime: 'cn-procurement',
      links: '[]',
      confidence: 'reported',
    });
    // The new checks hold.
    expect(() => db.prepare("UPDATE policy_events SET regime = 'nonsense' WHERE id = 'my-own-cloud'").run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db.prepare("UPDATE policy_events SET confidence = 'official' WHERE id = 'my-own-cloud'").run(),
    ).toThrow(/CHECK/);
  });
});

describe('seed version 2 over a store seeded with version 1', () => {
  /** A store as version 1 left it: migrated to 4, seeded with the old seed's rows, then upgraded. */
  function v1Store(): void {
    migrate(db, 4);
    // Two old seeded events, as version 1 stored them.
    insertV4Event(
      'policy_events',
      [],
      'us-2025-07-14-placeholder-untouched',
      'US',
      'licence_required',
      scope({}),
      'official',
    );
    insertV4Event(
      'policy_events',
      [],
      'sg-2025-11-offshore-training-pattern',
      'SG',
      'informational',
      scope({ destinations: ['SG'] }),
      'reported',
    );
    insertV4Event(
      'policy_events',
      [],
      'my-2025-07-14-strategic-trade-permit',
      'MY',
      'allowed_with_conditions',
      scope({ destinations: ['MY'] }),
      'official',
    );
    insertV4Event(
      'policy_events',
      [],
      'us-2019-05-huawei-entity-list',
      'US',
      'licence_required',
      scope({ entityListed: true }),
      'official',
    );
    // The user edited the Huawei row through the app (logged).
    withChangeBatch(db, 'user', (batch) => {
      const before = db.prepare("SELECT * FROM policy_events WHERE id = 'us-2019-05-huawei-entity-list'").get();
      db.prepare("UPDATE policy_events SET note = 'our own reading' WHERE id = 'us-2019-05-huawei-entity-list'").run();
      const after = db.prepare("SELECT * FROM policy_events WHERE id = 'us-2019-05-huawei-entity-list'").get();
      batch.record('update', 'policy_events', 'us-2019-05-huawei-entity-list', before, after, 'note');
    });
    migrate(db);
    setMeta(db, SEED_VERSION_KEY, '1');
  }

  it('corrects untouched seeded events, removes the retired one, and leaves the edited one alone', () => {
    v1Store();
    expect(seedDatabase(db)).toBe(true);
    const events = new Map(listPolicyEvents(db).map((e) => [e.id, e]));
    const seeded = (id: string): unknown => seedPolicyEvents.find((e) => e.id === id);
    // Untouched: the corrected seed (Malaysia's permit is no longer a condition).
    expect(events.get('my-2025-07-14-strategic-trade-permit')).toEqual(seeded('my-2025-07-14-strategic-trade-permit'));
    expect(events.get('my-2025-07-14-strategic-trade-permit')?.effect).toBe('informational');
    // Retired id, untouched: gone; its successor is in.
    expect(events.has('sg-2025-11-offshore-training-pattern')).toBe(false);
    expect(events.get('press-2025-11-offshore-training')?.regime).toBe('context');
    // Edited by the user: kept exactly, with its inferred regime.
    expect(events.get('us-2019-05-huawei-entity-list')).toMatchObject({
      note: 'our own reading',
      effectiveDate: '2024-01-01',
      regime: 'us-entity-list',
    });
    // A row the seed never had is not the seed's to touch.
    expect(events.get('us-2025-07-14-placeholder-untouched')?.effect).toBe('licence_required');
    // Every other seeded event is there.
    for (const e of seedPolicyEvents) expect(events.has(e.id), e.id).toBe(true);
    expect(
      listProfiles(db)
        .map((p) => p.id)
        .sort(),
    ).toEqual(seedProfiles.map((p) => p.id).sort());
  });
});
