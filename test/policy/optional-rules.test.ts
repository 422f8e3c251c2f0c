import { ALL_RULES, RULES } from '../../lib/rules/catalogue';
import { configureOptionalRule, OPTIONAL_RULES, RULE_PARAMETERS } from '../../lib/rules/optional-catalogue';
import { SPX200 } from '../../lib/rules/spx200-require-hot-standby';
import { SPX201 } from '../../lib/rules/spx201-forbid-ssdbsave';
import { spx202 } from '../../lib/rules/spx202-max-landscapes-per-dss';
import { expectFinding, single } from '../rules/helpers';
import { topology } from '../rules/topology-builder';

describe('optional rules (organisation policy)', () => {
  test('are optional, do not clash with catalogue ids, and never run by default', () => {
    for (const rule of OPTIONAL_RULES) {
      expect(rule.optional).toBe(true);
      expect(rule.id).toMatch(/^SPX2\d\d$/);
      expect(ALL_RULES.map(r => r.id)).not.toContain(rule.id);
      expect(RULES).not.toContain(rule);
    }
  });

  describe('SPX200 require HOT standby', () => {
    test('HOT standby with secondaries passes; a landscape without secondaries is left to SPX141', () => {
      const t = topology().landscape('east', { standbyMode: 'HOT' }).landscape('solo', { standbyMode: 'WARM', secondaries: [] }).build();
      expect(SPX200.check(t)).toEqual([]);
    });

    test('WARM standby with a secondary is an error', () => {
      const t = topology().landscape('east', { standbyMode: 'WARM' }).build();
      expectFinding(single(SPX200.check(t)), SPX200, {
        severity: 'error',
        path: 'app/east',
        message: ["landscape 'east' (0x100000)", 'standby mode WARM', 'requires HOT standby'],
        fix: 'standbyMode: StandbyMode.HOT',
      });
    });
  });

  describe('SPX201 forbid SSDBSAVE', () => {
    test('BackupMethod.COMMAND passes; a landscape without secondaries takes no savefile', () => {
      const t = topology().landscape('east', { backup: 'COMMAND', hasBackupCommand: true }).landscape('solo', { secondaries: [] }).build();
      expect(SPX201.check(t)).toEqual([]);
    });

    test('SSDBSAVE with secondaries is an error naming the primary it stops', () => {
      const t = topology().landscape('east').build();
      expectFinding(single(SPX201.check(t)), SPX201, {
        severity: 'error',
        path: 'app/east',
        message: ["landscape 'east' (0x100000)", 'backup method SSDBSAVE', "stops the primary 'east-a'"],
        fix: 'BackupMethod.COMMAND',
      });
    });
  });

  describe('SPX202 max landscapes per distributed landscape', () => {
    const dss = (count: number) => topology().distributed('estate', d => {
      d.master('l0');
      for (let i = 1; i < count; i++) d.landscape(`l${i}`);
    }).build();

    test('at the limit passes (the master counts)', () => {
      expect(spx202(3).check(dss(3))).toEqual([]);
    });

    test('above the limit is an error on the distributed landscape', () => {
      expectFinding(single(spx202(3).check(dss(4))), spx202(3), {
        severity: 'error',
        path: 'app/estate',
        message: ["distributed landscape 'estate'", 'has 4 landscapes', 'more than the 3'],
        fix: 'raise maxLandscapes in the policy',
      });
    });

    test('is configured from the policy parameter', () => {
      expect(RULE_PARAMETERS.SPX202.map(p => p.name)).toEqual(['maxLandscapes']);
      expect(configureOptionalRule('SPX202', { maxLandscapes: 3 })!.check(dss(4))).toHaveLength(1);
      expect(configureOptionalRule('SPX202', { maxLandscapes: 4 })!.check(dss(4))).toHaveLength(0);
      expect(configureOptionalRule('SPX141')).toBeUndefined();
    });
  });
});
