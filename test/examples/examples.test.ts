import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const EXAMPLES = ['fault-tolerant', 'distributed', 'composed', 'multi-stack'];
const ROOT = join(__dirname, '..', '..');

/** Runs an example's main.ts as `cdktf synth` does and returns its stacks' JSON by name. */
function synthExample(name: string, planResource: 'null_resource' | 'terraform_data', env: NodeJS.ProcessEnv = {}): { outdir: string; stacks: Map<string, any> } {
  const outdir = mkdtempSync(join(tmpdir(), `example-${name}-`));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'ts-node'), ['-P', '../tsconfig.json', '--transpile-only', 'main.ts'], {
    cwd: join(ROOT, 'examples', name),
    env: { ...process.env, CDKTF_OUTDIR: outdir, SPECTRUM_PLAN_RESOURCE: planResource, ...env },
    stdio: 'pipe',
  });
  const stacks = new Map<string, any>();
  for (const stack of readdirSync(join(outdir, 'stacks'))) {
    stacks.set(stack, JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')));
  }
  return { outdir, stacks };
}

const resourcesOf = (json: any) => Object.values(json.resource).flatMap((byId: any) => Object.values(byId)) as any[];

describe.each(EXAMPLES)('examples/%s', name => {
  test('synthesizes with null_resource (the default)', () => {
    const { stacks } = synthExample(name, 'null_resource');
    expect(stacks.size).toBe(name === 'multi-stack' ? 3 : 1);
    for (const json of stacks.values()) {
      expect(json.resource.null_resource).toBeDefined();
      expect(json.terraform.required_providers.null.source).toBe('null');
    }
  });

  test('synthesizes with terraform_data and passes terraform init && terraform validate offline', () => {
    const { outdir, stacks } = synthExample(name, 'terraform_data');
    for (const [stackName, json] of stacks) {
      expect(json.resource.null_resource).toBeUndefined();
      expect(resourcesOf(json).length).toBeGreaterThan(5);
      // Secrets come from sensitive variables and never reach triggers.
      expect(json.variable.spectrum_owner_password.sensitive).toBe(true);
      for (const resource of resourcesOf(json)) {
        expect(JSON.stringify(resource.triggers_replace ?? {})).not.toContain('spectrum_owner_password');
      }
      const dir = join(outdir, 'stacks', stackName);
      const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
      const init = spawnSync('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
      expect({ status: init.status, output: init.stdout }).toMatchObject({ status: 0, output: expect.stringContaining('Terraform has been successfully initialized') });
      const validate = spawnSync('terraform', ['validate', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
      expect({ status: validate.status, output: validate.stdout + validate.stderr }).toMatchObject({ status: 0, output: expect.stringContaining('The configuration is valid') });
    }
  });
});

test('examples/distributed plans six SpectroSERVERs and one OneClick server', () => {
  const json = [...synthExample('distributed', 'terraform_data').stacks.values()][0];
  const installs = resourcesOf(json).filter(r => r['//'].metadata.path.endsWith('/install'));
  expect(installs).toHaveLength(7);
  const landscapes = json['//'].metadata['cdktf-spectrum'].landscapes;
  expect(Object.values(landscapes).map((l: any) => l.handle.text).sort()).toEqual(['0x100000', '0x200000', '0x300000']);
});

test('examples/multi-stack shards one DSS over three stacks, deployed after the master stack', () => {
  const { outdir, stacks } = synthExample('multi-stack', 'terraform_data');
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  expect(manifest.stacks['spectrum-emea'].dependencies).toEqual(['spectrum-master']);
  expect(manifest.stacks['spectrum-apac'].dependencies).toEqual(['spectrum-master']);
  // Every stack's .hostrc list holds every host of the estate.
  const lists = [...stacks.values()].map(json => Object.values(json.locals)[0] as string[]);
  for (const list of lists) expect(list).toHaveLength(11);
  // Members point at the master primary and are members of the master stack's DSS.
  const emea = stacks.get('spectrum-emea');
  expect(emea['//'].metadata['cdktf-spectrum'].landscapes['spectrum-emea/paris'].distributed).toBe('spectrum-master/estate');
  const install = resourcesOf(emea).find(r => r['//'].metadata.path === 'spectrum-emea/paris/primary/install');
  expect(install.provisioner[2]['remote-exec'].inline[0]).toContain("MLS='mls-1.example.net'");
});

test('examples/multi-stack takes its stacks and hosts from the SPECTRUM_INVENTORY file, and names a malformed one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inventory-'));
  const inventory = join(dir, 'inventory.json');
  writeFileSync(inventory, JSON.stringify({ groups: { 'spectrum-emea': ['paris'], 'spectrum-amer': ['chicago'] }, hosts: { 'mls-1': '10.0.0.1', 'chicago-2': '10.0.0.9' } }));
  const { outdir, stacks } = synthExample('multi-stack', 'terraform_data', { SPECTRUM_INVENTORY: inventory });
  expect([...stacks.keys()].sort()).toEqual(['spectrum-amer', 'spectrum-emea', 'spectrum-master']);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  expect(manifest.stacks['spectrum-amer'].dependencies).toEqual(['spectrum-master']);
  const amer = stacks.get('spectrum-amer');
  expect(Object.values(amer.locals)[0]).toEqual(['10.0.0.1', 'mls-2.example.net', 'oneclick-1.example.net', 'paris-1.example.net', 'paris-2.example.net', 'chicago-1.example.net', '10.0.0.9']);
  expect(amer['//'].metadata['cdktf-spectrum'].landscapes['spectrum-amer/chicago'].handle.text).toBe('0x300000');

  writeFileSync(inventory, JSON.stringify({ groups: { 'spectrum-emea': 'paris' } }));
  expect(() => synthExample('multi-stack', 'terraform_data', { SPECTRUM_INVENTORY: inventory }))
    .toThrow(/SPECTRUM_INVENTORY: .*inventory\.json must hold \{ "groups"/);
});
