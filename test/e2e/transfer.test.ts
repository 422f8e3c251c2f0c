/**
 * The savefile transfer for real: `cdktf deploy` (terraform_data plan) of
 * test/e2e/fixtures/transfer onto sandbox hosts, the transfer's own ssh
 * sessions (OpenSSH, on this machine) verifying hosts as Terraform's
 * connection does: through a bastion with its own host key, over IPv4 and
 * IPv6, and with a host CA's key as hostKey. And an interrupted transfer:
 * SIGKILLed mid-copy, it leaves no key and no savefile on this machine, and
 * the next deploy converges. One sandbox for all of it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess, filesUnder } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { TransferGate, transferScriptProcess } from './deploy/transfer-gate';
import { IPV6_LOOPBACK, Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { readSimDatabase } from './simulator';
import { TRANSFER_WORK_PREFIX } from '../../lib/plan/transfer-ssh-config';

const unavailable = sandboxUnavailableReason();
const FIXTURE = 'test/e2e/fixtures/transfer';

/** Resolves once `condition` holds or `stop` says to give up (the deploy ended). */
async function until(condition: () => boolean, stop: () => boolean): Promise<boolean> {
  while (!condition()) {
    if (stop()) return condition();
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return true;
}

describeIfAvailable(unavailable)(`the savefile transfer${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('transfer', {
    hosts: ['primary', 'secondary', 'bastion', 'ca-primary', 'ca-secondary'],
    firstAddressOctet: 70,
    // Terraform before hashicorp/terraform#38318 verifies a bastion with the
    // connection's host_key instead of bastion_host_key: a host CA that signed
    // every host lets both the (older) Terraform and the transfer verify them.
    certifiedHosts: ['primary', 'secondary', 'bastion', 'ca-primary', 'ca-secondary'],
    ipv6Host: 'bastion',
    logLevel: 'DEBUG1',
  });
  const { password } = suite;
  let workDir: string;
  let localTmp: string;
  let sandbox: Sandbox;
  const specroot = (name: string) => sandbox.host(name).rootDir;

  beforeAll(() => {
    ({ workDir, sandbox } = suite);
    // The deploys' TMPDIR: where the transfer keeps its ssh_config, and where a leftover would show.
    localTmp = path.join(workDir, 'local-tmp');
    fs.mkdirSync(localTmp, { mode: 0o700 });
  });

  describe('through a bastion with its own Host block and host key (IPv4 for the primary, IPv6 [::1] for the secondary)', () => {
    let project: CdktfProject;
    let gate: TransferGate;
    const bastionLog = () => fs.readFileSync(sandbox.host('bastion').logPath, 'utf8');

    beforeAll(() => {
      const bastion = sandbox.host('bastion');
      const via = (host: string) => ({ host, port: bastion.port, user: bastion.user, hostKey: sandbox.hostCaKey });
      project = suite.project({
        dir: FIXTURE,
        stack: 'e2e-transfer-bastion',
        hostNames: ['primary', 'secondary'],
        hostKeyOverrides: { primary: sandbox.hostCaKey, secondary: sandbox.hostCaKey },
      });
      gate = new TransferGate(workDir);
      project.extraEnv = {
        ...gate.env(),
        TMPDIR: localTmp,
        SPECTRUM_E2E_BASTIONS: JSON.stringify({ primary: via(bastion.address), secondary: via(IPV6_LOOPBACK) }),
      };
    });

    // Released whatever happens, so held ssh sessions end, and the deploy with them.
    afterAll(() => gate.release());

    test('a transfer SIGKILLed mid-copy (as Terraform does on Ctrl-C) leaves no key and no savefile on this machine', async () => {
      gate.arm();
      let ended = false;
      const deploy = project.deployAsync().finally(() => { ended = true; });
      const held = await until(() => gate.heldBy() !== undefined, () => ended);
      if (!held) {
        expectSuccess(await deploy);
        throw new Error('the deploy ended without the transfer reaching the savefile copy');
      }
      process.kill(transferScriptProcess(gate.heldBy()!), 'SIGKILL');
      // What the killed transfer left, looked at before its ssh sessions go on.
      const left = filesUnder(localTmp);
      gate.release();
      const failed = await deploy;
      expect(failed.code).not.toBe(0);

      const transferDirs = fs.readdirSync(localTmp).filter(name => name.startsWith(TRANSFER_WORK_PREFIX));
      // The trap could not run: only ssh_config, known_hosts, the pid, and the savefile's checksum and (empty until it arrived) size.
      expect(transferDirs).toHaveLength(1);
      expect(fs.readdirSync(path.join(localTmp, transferDirs[0])).sort()).toEqual(['expected', 'known_hosts', 'pid', 'received', 'ssh_config']);
      for (const file of [...left, ...filesUnder(localTmp)].filter(f => fs.existsSync(f))) {
        const content = fs.readFileSync(file, 'latin1');
        expect({ file, key: content.includes(sandbox.privateKey.trim()) || content.includes('PRIVATE KEY') }).toEqual({ file, key: false });
        expect({ file, savefile: content.includes('SIMSSDB') || /\.SSdb/.test(path.basename(file)) }).toEqual({ file, savefile: false });
        expect(content).not.toContain(password);
      }
      // The secondary never loaded the half copy.
      expect(readSimDatabase(specroot('secondary')).loadedFrom).toBeUndefined();
    }, 300_000);

    test('the next deploy converges through the bastion: the secondary holds the primary\'s database, and nothing is left locally', () => {
      const logBefore = bastionLog().length;
      expectSuccess(project.deploy());
      const primary = readSimDatabase(specroot('primary'));
      const secondary = readSimDatabase(specroot('secondary'));
      expect(secondary.generation).toBe(primary.generation);
      expect(secondary.loadedFrom).toBe(sandbox.host('primary').address);
      // The killed run's directory was removed by this transfer, and this transfer's by its trap.
      expect(fs.readdirSync(localTmp).filter(name => name.startsWith(TRANSFER_WORK_PREFIX))).toEqual([]);
      // The transfer's OpenSSH sessions (Terraform's own are Go's) were forwarded by the bastion to both hosts.
      const log = bastionLog().slice(logBefore);
      expect(log).toMatch(/remote software version OpenSSH/);
      for (const name of ['primary', 'secondary']) {
        expect(log).toContain(`target ${sandbox.host(name).address} port ${sandbox.host(name).port}`);
      }
      expect(project.plan().code).toBe(0);
    }, 300_000);
  });

  test('with the host CA\'s key as hostKey, the transfer accepts the hosts\' CA-signed certificates', () => {
    const project = suite.project({
      dir: FIXTURE,
      stack: 'e2e-transfer-ca',
      hostNames: ['ca-primary', 'ca-secondary'],
      hostKeyOverrides: { 'ca-primary': sandbox.hostCaKey, 'ca-secondary': sandbox.hostCaKey },
    });
    project.extraEnv = { TMPDIR: localTmp };
    const result = project.deploy();
    expectSuccess(result);
    expect(result.output).toMatch(/cdktf-spectrum transfer: copied cdktf-spectrum\/seed-0x600000\.SSdb from /);
    const primary = readSimDatabase(specroot('ca-primary'));
    const secondary = readSimDatabase(specroot('ca-secondary'));
    expect(secondary.generation).toBe(primary.generation);
    expect(secondary.loadedFrom).toBe(sandbox.host('ca-primary').address);
  }, 300_000);
});
