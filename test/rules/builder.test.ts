import { validTopology } from './helpers';
import { tok, topology } from './topology-builder';
import { RULES } from '../../lib/rules/catalogue';

describe('topology builder', () => {
  test('defaults: two servers on their own hosts, fresh handles, stack-qualified paths', () => {
    const t = topology().landscape('east').landscape('west').build();
    const [east, west] = t.landscapes;
    expect(east.path).toBe('app/east');
    expect(east.handle).toEqual({ value: 0x100000, text: '0x100000' });
    expect(west.handle.text).toBe('0x200000');
    expect(east.primary).toMatchObject({ name: 'east-a', path: 'app/east/east-a', precedence: 10, role: 'PRIMARY' });
    expect(east.primary.host).toEqual({ text: 'east-a.app.example.com', isToken: false });
    expect(east.secondaries.map(s => [s.name, s.precedence, s.role])).toEqual([['east-b', 20, 'SECONDARY']]);
    expect(east.mainLocationServer).toEqual(east.primary.host);
  });

  test('a DSS: members default their main location server to the master primary', () => {
    const t = topology()
      .distributed('estate', d => d.master('east', { primary: { host: tok('m') } }).landscape('west').oneClick('console'))
      .build();
    expect(t.distributed[0]).toMatchObject({ path: 'app/estate', masterPath: 'app/estate/east', landscapePaths: ['app/estate/east', 'app/estate/west'] });
    expect(t.landscapes[1].mainLocationServer).toEqual(tok('m'));
    expect(t.oneClicks[0]).toMatchObject({ path: 'app/estate/console', distributed: 'app/estate', mainLocationServer: tok('m') });
  });

  test('the valid topology has no errors or warnings under any rule', () => {
    const t = validTopology();
    for (const rule of RULES) {
      expect({ rule: rule.id, findings: rule.check(t).filter(f => f.severity !== 'info') }).toEqual({ rule: rule.id, findings: [] });
    }
  });
});
