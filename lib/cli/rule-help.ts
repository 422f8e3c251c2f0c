/**
 * How to fix each rule's findings, for reports that show rule metadata
 * (SARIF `help`). Each result's own message also ends with the fix for
 * that construct; this is the general advice. A rule without an entry
 * gets a generic text (see helpOf).
 */
const HELP: { readonly [ruleId: string]: string } = {
  SPX100: 'Use a legacy landscape handle: a multiple of 0x100000 from 0x100000 to 0xFFE00000, e.g. LandscapeHandle.of(0x400000) or LandscapeHandle.fromLandscapeNumber(16).',
  SPX101: 'Give every landscape of the app its own handle, across distributed landscapes and stacks (KB 9404: handles must differ in a distributed environment).',
  SPX110: 'Set precedence to a positive integer; the default primary is 10, secondaries 20, 30, ...',
  SPX111: 'Give each server of a fault-tolerant landscape its own precedence, e.g. 10 for the primary, 20 and 30 for the secondaries (KB 9404).',
  SPX112: 'Give the primary the lowest precedence of its landscape, or make the server with the lowest precedence the primary.',
  SPX120: 'Use a host name (letters, digits, hyphens; labels of at most 63 characters) or an IPv4/IPv6 address. Tokens are checked by the scripts at apply time.',
  SPX121: 'Put every SpectroSERVER on a host of its own: a primary and its secondaries must run on different hosts.',
  SPX130: 'Install every SpectroSERVER of a distributed landscape under the same OS user: set install.owner once on the DistributedLandscape.',
  SPX131: 'Install the same Spectrum version on every server of a landscape and of a distributed landscape; upgrade them together (KB 144472 gives the order).',
  SPX132: 'Use an absolute install directory of safe characters (letters, digits, /, ., _, -) and a valid user name as owner.',
  SPX133: 'Installing from media needs install.ownerPassword: pass a sensitive TerraformVariable or a secret from another resource.',
  SPX134: 'List install.updates oldest first, once each, every version after install.version, with safe absolute media paths; give every member of a distributed landscape the same list.',
  SPX140: 'HOT standby only changes how secondaries poll: add a secondary, or leave standbyMode at StandbyMode.WARM.',
  SPX141: 'Add a secondary SpectroSERVER on another host (secondaries: [{ host: ..., precedence: 20 }] or addSecondary()).',
  SPX142: 'With BackupMethod.COMMAND set backupCommand (it writes the savefile named by $SPECTRUM_SAVEFILE); with SSDBSAVE leave it unset.',
  SPX143: 'Set retain to a whole number of at least 1 (default 3) and reseed to a short label such as a date or a run id (docs/reseed.md).',
  SPX144: 'A promotion stops the former primary (KB 49550): keep it as a secondary for the promoting deploy, deploy in a window, then remove promotedFrom (docs/promotion.md).',
  SPX150: 'Pass passwords and private keys as sensitive TerraformVariables or secrets from another resource, never as literal strings in code.',
  SPX151: 'Set connection.hostKey (and bastionHostKey with a bastion) to the public host key, e.g. "ssh-ed25519 AAAA...".',
  SPX157: 'The transfer step copies the savefile with ssh from the machine that runs Terraform, which never receives key content: set connection.privateKeyFile to the key\'s path there (privateKey may stay for the steps on the hosts), or agent: true to use its SSH agent.',
  SPX153: 'Set connection.user and bastionUser to the login name of the account on the host: letters, digits, ".", "_" and "-" (e.g. ec2-user, svc.deploy); not user@domain.',
  SPX154: 'Set connection.port and bastionPort to the port sshd listens on, a whole number from 1 to 65535.',
  SPX155: 'Give privateKeyFile as an absolute path or one starting with "~/" (expanded by Terraform\'s pathexpand()), never relative.',
  SPX156: 'Set hostKey and bastionHostKey to the whole line of the host\'s .pub key file: TYPE BASE64 [comment], e.g. the output of ssh-keyscan without the host name.',
  SPX160: 'Use identifiers as .vnmrc keys and single-line values; leave secondary_polling to standbyMode.',
  SPX170: 'Give the distributed landscape a master landscape, and at most 4094 landscapes (the legacy handles).',
  SPX171: 'Leave mainLocationServer unset: it defaults to the master primary of the distributed landscape.',
  SPX200: 'Organisation policy: set standbyMode: StandbyMode.HOT on landscapes with secondaries (or on the DistributedLandscape).',
  SPX201: 'Organisation policy: seed secondaries with backup: BackupMethod.COMMAND and a backupCommand that runs an online backup; SSdbsave stops the primary.',
  SPX202: 'Organisation policy: split the distributed landscape, or raise maxLandscapes in the policy.',
  SPX300: 'A handle is fixed at install: uninstall Spectrum from the landscape\'s hosts before applying, or keep the old handle.',
  SPX301: 'Expected when a secondary is retired: the primary\'s deregister step runs MapUpdate -remove; stop and uninstall the SpectroSERVER on its host by hand.',
  SPX302: 'Changing a secondary\'s precedence reloads it (stop, SSdbload, start); plan it in a maintenance window.',
  SPX303: 'The server is set up again on the new host; stop Spectrum on the old host by hand.',
  SPX304: 'Removing a landscape destroys its plan resources only: nothing runs on its hosts; uninstall Spectrum there by hand.',
  SPX305: 'The primary SpectroSERVER restarts to read the new .vnmrc; OneClick fails over meanwhile.',
  SPX306: 'Keep construct ids and planResource stable: re-created steps run again (a new savefile, secondaries reloaded).',
  SPX307: 'Expected for an upgrade: check the order the report lists (master primary, other primaries and OneClick servers, secondaries) and plan the window; Broadcom asks to finish every server within a few hours.',
  SPX308: 'Add a secondary to the landscape before upgrading it (SPX141), or accept the outage in a maintenance window.',
  SPX309: 'Review what the re-run steps do on the hosts (a savefile stops the primary, a load stops the secondary); apply in a maintenance window or keep the input unchanged.',
  SPX310: 'A promotion stops the former primary and reloads the new one (KB 49550): keep the former primary as a secondary for that deploy, apply it in a window, point OneClick at the new primary (docs/promotion.md).',
};

/** General advice for fixing `ruleId`'s findings. */
export function helpOf(ruleId: string, description: string): string {
  return HELP[ruleId] ?? `${description}. Each result's message ends with the fix for that construct.`;
}
