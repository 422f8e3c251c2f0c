import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { formatFinding } from '../../lib/model/finding';
import { SPX111 } from '../../lib/rules/spx111-unique-precedence';

describe('SPX111 unique precedences', () => {
  test('distinct precedences pass; the same precedence in different landscapes is fine', () => {
    expect(problems(SPX111, validTopology())).toEqual([]);
  });

  test('two secondaries with one precedence: the message the README shows', () => {
    const t = topology()
      .landscape('east', { handle: 0x400000, secondaries: [{ name: 'east-b', precedence: 20 }, { name: 'east-c', precedence: 20 }] })
      .build();
    const f = single(SPX111.check(t));
    expectFinding(f, SPX111, {
      severity: 'error', path: 'app/east', message: ['precedence 20', '\'east-b\' and \'east-c\''], fix: 'its own precedence',
    });
    expect(formatFinding(f)).toBe('[SPX111] landscape \'east\' (0x400000): precedence 20 is used by both \'east-b\' and \'east-c\'; '
      + 'give each server of a fault-tolerant landscape its own precedence (e.g. 20 and 30)');
  });

  test('three servers on one precedence; invalid precedences are left to SPX110', () => {
    const t = topology()
      .landscape('east', { primary: { precedence: 10 }, secondaries: [{ precedence: 10 }, { precedence: 10 }] })
      .landscape('west', { primary: { precedence: 0 }, secondaries: [{ precedence: 0 }] })
      .build();
    const f = single(SPX111.check(t));
    expect(f.message).toContain('precedence 10 is used by \'east-a\', \'east-b\' and \'east-c\'');
  });
});
