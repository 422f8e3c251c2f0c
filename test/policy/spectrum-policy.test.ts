import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { SpectrumPolicy } from '../../lib/constructs/spectrum-policy';
import { SpectrumRegistry } from '../../lib/constructs/spectrum-registry';
import { reportedByStackPolicy } from '../../lib/policy/stack-policies';

const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const CONNECTION = { hostKey: HOST_KEY, privateKeyFile: '/home/ci/.ssh/id_ed25519' };

interface Annotation { readonly path: string; readonly level: string; readonly message: string }

/** Every annotation under `scope`, after cdktf invoked the aspects of `stack` (as synth does). */
function annotate(stack: TerraformStack): Annotation[] {
  Testing.synth(stack);
  return stack.node.findAll().flatMap((c: IConstruct) => c.node.metadata
    .filter(m => m.type.startsWith('@cdktf/'))
    .map(m => ({ path: c.node.path, level: m.type.replace('@cdktf/', ''), message: String(m.data) })));
}

function ruleAnnotations(annotations: Annotation[], ruleId: string): Annotation[] {
  return annotations.filter(a => a.message.startsWith(`[${ruleId}]`));
}

/** A stack with a WARM landscape `east` (a secondary) and a landscape `solo` without secondary. */
function estate(app: App, name = 'prod', handles: [number, number] = [0x400000, 0x500000]): TerraformStack {
  const stack = new TerraformStack(app, name);
  new FaultTolerantLandscape(stack, 'east', {
    handle: LandscapeHandle.of(handles[0]),
    primary: { host: `${name}-east-1.example.net` },
    secondaries: [{ host: `${name}-east-2.example.net` }],
    connection: CONNECTION,
  });
  new FaultTolerantLandscape(stack, 'solo', {
    handle: LandscapeHandle.of(handles[1]),
    primary: { host: `${name}-solo-1.example.net` },
    connection: CONNECTION,
  });
  return stack;
}

/** The error `app.synth()` throws, or undefined. */
function synthError(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const outdirs: string[] = [];
function outdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-policy-'));
  outdirs.push(dir);
  return dir;
}
afterAll(() => outdirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

describe('SpectrumPolicy aspect', () => {
  test('acknowledged and re-graded findings are reported once, as the policy says', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(stack).add(new SpectrumPolicy({ requireSecondary: true }).acknowledge('SPX141', 'a lab landscape', 'prod/solo'));
    expect(ruleAnnotations(annotate(stack), 'SPX141')).toEqual([]);
    const app2 = new App({ outdir: outdir() });
    const stack2 = estate(app2);
    Aspects.of(stack2).add(new SpectrumPolicy({ requireSecondary: true }));
    expect(ruleAnnotations(annotate(stack2), 'SPX141').map(a => a.level)).toEqual(['error']);
  });

  test('without a policy the estate synthesizes (SPX141 is a warning)', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    expect(synthError(app)).toBeUndefined();
    expect(ruleAnnotations(annotate(stack), 'SPX141').map(a => a.level)).toEqual(['warn']);
  });

  test('requireHotStandby turns on SPX200: an error annotation on the landscape, and synth fails', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(stack).add(new SpectrumPolicy({ requireHotStandby: true }));
    expect(ruleAnnotations(annotate(stack), 'SPX200')).toEqual([{
      path: 'prod/east',
      level: 'error',
      message: expect.stringMatching(/^\[SPX200\] landscape 'east' \(0x400000\): standby mode WARM, but the organisation policy requires HOT standby; set standbyMode/),
    }]);
    const app2 = new App({ outdir: outdir() });
    Aspects.of(estate(app2)).add(new SpectrumPolicy({ requireHotStandby: true }));
    expect(synthError(app2)).toMatch(/\[prod\/east\] \[SPX200\]/);
  });

  test('requireSecondary makes SPX141 an error; requireHostKey makes SPX151 one', () => {
    const app = new App({ outdir: outdir() });
    const stack = new TerraformStack(app, 'prod');
    new FaultTolerantLandscape(stack, 'solo', { handle: LandscapeHandle.of(0x400000), primary: { host: 'solo-1.example.net' } });
    Aspects.of(stack).add(new SpectrumPolicy({ requireSecondary: true, requireHostKey: true }));
    const annotations = annotate(stack);
    expect(ruleAnnotations(annotations, 'SPX141').filter(a => a.level === 'error').map(a => a.path)).toEqual(['prod/solo']);
    expect(ruleAnnotations(annotations, 'SPX151').filter(a => a.level === 'error').map(a => a.path)).toEqual(['prod/solo/primary']);
  });

  test('forbidSsdbsave and maxLandscapesPerDistributedLandscape turn on SPX201 and SPX202', () => {
    const app = new App({ outdir: outdir() });
    const stack = new TerraformStack(app, 'prod');
    const dss = new DistributedLandscape(stack, 'estate', {
      master: { handle: LandscapeHandle.of(0x100000), primary: { host: 'mls-1.example.net' }, secondaries: [{ host: 'mls-2.example.net' }] },
      standbyMode: StandbyMode.HOT,
      connection: CONNECTION,
    });
    dss.addLandscape('east', { handle: LandscapeHandle.of(0x200000), primary: { host: 'east-1.example.net' }, secondaries: [{ host: 'east-2.example.net' }] });
    Aspects.of(stack).add(new SpectrumPolicy({ forbidSsdbsave: true, maxLandscapesPerDistributedLandscape: 1 }));
    const annotations = annotate(stack);
    expect(ruleAnnotations(annotations, 'SPX201').map(a => [a.path, a.level])).toEqual([['prod/estate/master', 'error'], ['prod/estate/east', 'error']]);
    expect(ruleAnnotations(annotations, 'SPX202').map(a => [a.path, a.level])).toEqual([['prod/estate', 'error']]);
  });

  test('severityOverrides change an optional rule and a warning', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(stack).add(new SpectrumPolicy({ requireHotStandby: true, severityOverrides: { SPX200: 'warning', SPX141: 'info' } }));
    const annotations = annotate(stack);
    expect(ruleAnnotations(annotations, 'SPX200').map(a => a.level)).toEqual(['warn']);
    expect(ruleAnnotations(annotations, 'SPX141').map(a => a.level)).toContain('info');
    expect(synthError(app)).toBeUndefined();
  });

  test('acknowledge(): the acknowledged finding is the policy\'s to report (it reports nothing), others stay', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    const policy = new SpectrumPolicy({ requireSecondary: true }).acknowledge('SPX141', 'a lab landscape, rebuilt from scratch when it fails', 'prod/solo');
    Aspects.of(stack).add(policy);
    expect(ruleAnnotations(annotate(stack), 'SPX141').filter(a => a.level === 'error')).toEqual([]);
    expect(synthError(app)).toBeUndefined();
    // The registry's own annotator is told to leave the acknowledged finding to the policy.
    const finding = SpectrumRegistry.of(stack).analysis().findings.find(f => f.ruleId === 'SPX141')!;
    expect(reportedByStackPolicy(stack, finding)).toBe(true);
    expect(reportedByStackPolicy(new TerraformStack(new App({ outdir: outdir() }), 'other'), finding)).toBe(false);
  });

  test('acknowledge() needs a reason and a known rule', () => {
    const policy = new SpectrumPolicy();
    expect(() => policy.acknowledge('SPX151', '')).toThrow("SpectrumPolicy.acknowledge('SPX151'): a reason is required: say why the finding is acceptable");
    expect(() => policy.acknowledge('SPX151', '   ')).toThrow('a reason is required');
    expect(() => policy.acknowledge('SPX999', 'because')).toThrow('SPX999 is not a rule of cdktf-spectrum');
  });

  test('bad props fail at construction with the prop and the value', () => {
    expect(() => new SpectrumPolicy({ severityOverrides: { SPX141: 'fatal' } }))
      .toThrow("SpectrumPolicy: severityOverrides.SPX141 must be one of error, warning, info, off, not 'fatal'");
    expect(() => new SpectrumPolicy({ severityOverrides: { SPX999: 'error' } })).toThrow('severityOverrides.SPX999: SPX999 is not a rule');
    expect(() => new SpectrumPolicy({ severityOverrides: { SPX202: 'error' } })).toThrow('set maxLandscapesPerDistributedLandscape instead');
    expect(() => new SpectrumPolicy({ maxLandscapesPerDistributedLandscape: 0 })).toThrow('must be a positive integer, not 0');
  });

  test('catalogue errors stay errors whatever the policy says', () => {
    const app = new App({ outdir: outdir() });
    const stack = new TerraformStack(app, 'prod');
    new FaultTolerantLandscape(stack, 'east', {
      handle: LandscapeHandle.of(0x400001), primary: { host: 'east-1.example.net' }, secondaries: [{ host: 'east-2.example.net' }], connection: CONNECTION,
    });
    Aspects.of(stack).add(new SpectrumPolicy({ severityOverrides: { SPX100: 'off' } }).acknowledge('SPX100', 'legacy'));
    expect(synthError(app)).toMatch(/\[SPX100\]/);
  });

  test('each stack\'s policy reports its own constructs; the rules still see every stack', () => {
    const app = new App({ outdir: outdir() });
    const a = estate(app, 'a', [0x400000, 0x500000]);
    const b = estate(app, 'b', [0x600000, 0x700000]);
    Aspects.of(a).add(new SpectrumPolicy({ requireHotStandby: true }));
    expect(ruleAnnotations(annotate(a), 'SPX200').map(x => x.path)).toEqual(['a/east']);
    expect(ruleAnnotations(annotate(b), 'SPX200')).toEqual([]);
  });

  test('applyTo(app) adds the policy to every stack', () => {
    const app = new App({ outdir: outdir() });
    const a = estate(app, 'a', [0x400000, 0x500000]);
    const b = estate(app, 'b', [0x600000, 0x700000]);
    new SpectrumPolicy({ requireHotStandby: true }).applyTo(app);
    expect(ruleAnnotations(annotate(a), 'SPX200').map(x => x.path)).toEqual(['a/east']);
    expect(ruleAnnotations(annotate(b), 'SPX200').map(x => x.path)).toEqual(['b/east']);
  });

  test('cdktf limitation: an aspect added to the App itself is never invoked', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(app).add(new SpectrumPolicy({ requireHotStandby: true }));
    expect(ruleAnnotations(annotate(stack), 'SPX200')).toEqual([]);
    expect(synthError(app)).toBeUndefined();
  });

  test('fromFile reads the policy file the CLI reads', () => {
    const dir = outdir();
    const file = path.join(dir, 'spectrum-policy.yaml');
    fs.writeFileSync(file, 'version: 1\nrules:\n  SPX200: {}\n');
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(stack).add(SpectrumPolicy.fromFile(file));
    expect(ruleAnnotations(annotate(stack), 'SPX200').map(a => a.path)).toEqual(['prod/east']);

    fs.writeFileSync(file, 'version: 1\nrules:\n  SPX141: { severity: fatal }\n');
    expect(() => SpectrumPolicy.fromFile(file)).toThrow(`SpectrumPolicy: ${file}: /rules/SPX141/severity must be one of error, warning, info, off`);
  });

  test('annotations are added once, however often synth runs', () => {
    const app = new App({ outdir: outdir() });
    const stack = estate(app);
    Aspects.of(stack).add(new SpectrumPolicy({ requireHotStandby: true }));
    annotate(stack);
    expect(ruleAnnotations(annotate(stack), 'SPX200')).toHaveLength(1);
  });
});
