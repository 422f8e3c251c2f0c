import { Severity } from '../model/finding';

/**
 * The destructive changes `cdktf-spectrum check --baseline` reports. Each
 * is reported like a rule's finding (warning by default), so an
 * organisation policy can raise it to an error (e.g. block every LH change
 * in review) or acknowledge it with a reason.
 */
export interface ChangeKind {
  /** Stable id, SPX3nn. */
  readonly id: string;
  /** Short name used in the JSON report. */
  readonly kind: string;
  readonly description: string;
  /** What to do about it (SARIF `help`), like a rule's help. */
  readonly help: string;
  readonly severity: Severity;
}

export const HANDLE_CHANGED: ChangeKind = {
  id: 'SPX300',
  kind: 'handle-changed',
  description: 'Baseline: a landscape handle changes; Spectrum fixes the handle at install, so every server of the landscape needs a reinstall',
  help: 'A handle is fixed at install: uninstall Spectrum from the landscape\'s hosts before applying, or keep the old handle.',
  severity: 'warning',
};

export const SECONDARY_REMOVED: ChangeKind = {
  id: 'SPX301',
  kind: 'secondary-removed',
  description: 'Baseline: a secondary is removed; the primary\'s deregister step runs MapUpdate -remove for it',
  help: 'Expected when a secondary is retired: the primary\'s deregister step runs MapUpdate -remove; stop and uninstall the SpectroSERVER on its host by hand.',
  severity: 'warning',
};

export const PRECEDENCE_CHANGED: ChangeKind = {
  id: 'SPX302',
  kind: 'precedence-changed',
  description: 'Baseline: a precedence changes; the secondary is stopped and its database reloaded',
  help: 'Changing a secondary\'s precedence reloads it (stop, SSdbload, start); plan it in a maintenance window.',
  severity: 'warning',
};

export const HOST_REPLACED: ChangeKind = {
  id: 'SPX303',
  kind: 'host-replaced',
  description: 'Baseline: a server moves to another host; its steps run again on the new host',
  help: 'The server is set up again on the new host; stop Spectrum on the old host by hand.',
  severity: 'warning',
};

export const LANDSCAPE_REMOVED: ChangeKind = {
  id: 'SPX304',
  kind: 'landscape-removed',
  description: 'Baseline: a landscape is removed; its plan resources are destroyed, Spectrum stays installed and running on the hosts',
  help: 'Removing a landscape destroys its plan resources only: nothing runs on its hosts; uninstall Spectrum there by hand.',
  severity: 'warning',
};

export const STANDBY_CHANGED: ChangeKind = {
  id: 'SPX305',
  kind: 'standby-changed',
  description: 'Baseline: a standby mode changes; the primary\'s .vnmrc is rewritten and the primary SpectroSERVER restarts',
  help: 'The primary SpectroSERVER restarts to read the new .vnmrc; OneClick fails over meanwhile.',
  severity: 'warning',
};

export const STEPS_RECREATED: ChangeKind = {
  id: 'SPX306',
  kind: 'steps-recreated',
  description: 'Baseline: a server\'s plan resources are destroyed and created anew (resource type or construct id changed)',
  help: 'Keep construct ids and planResource stable: re-created steps run again (a new savefile, secondaries reloaded).',
  severity: 'warning',
};

/**
 * A note, not a warning: an upgrade is what the change asks for, and the
 * plan keeps every landscape up while it runs (primaries first, then the
 * secondaries, KB 144472). The report lists the order.
 */
export const ROLLING_UPGRADE: ChangeKind = {
  id: 'SPX307',
  kind: 'rolling-upgrade',
  description: 'Baseline: the Spectrum version or media change; the servers are upgraded one step at a time (master primary, other primaries and OneClick servers, secondaries)',
  help: 'Expected for an upgrade: check the order the report lists (master primary, other primaries and OneClick servers, secondaries) and plan the window; Broadcom asks to finish every server within a few hours.',
  severity: 'info',
};

export const UPGRADE_WITHOUT_STANDBY: ChangeKind = {
  id: 'SPX308',
  kind: 'upgrade-without-standby',
  description: 'Baseline: a landscape without a secondary is upgraded; no SpectroSERVER serves it while the installer runs',
  help: 'Add a secondary to the landscape before upgrading it (SPX141), or accept the outage in a maintenance window.',
  severity: 'warning',
};

export const STEPS_RERUN: ChangeKind = {
  id: 'SPX309',
  kind: 'steps-rerun',
  description: 'Baseline: a server\'s steps run again because an input of theirs changed (install dir, owner, media, .vnmrc keys, backup command, a step they follow) and no other change explains it',
  help: 'Review what the re-run steps do on the hosts (a savefile stops the primary, a load stops the secondary); apply in a maintenance window or keep the input unchanged.',
  severity: 'warning',
};

export const PROMOTION: ChangeKind = {
  id: 'SPX310',
  kind: 'promotion',
  description: 'Baseline: a secondary becomes the primary (KB 49550); applying it stops the former primary, reloads the new one with the primary\'s precedence and re-seeds the former primary from it',
  help: 'A promotion stops the former primary and reloads the new one (KB 49550): keep the former primary as a secondary for that deploy and apply it in a window; OneClick\'s web servers restart once when the main location server changes (docs/promotion.md).',
  severity: 'warning',
};

/** Every change kind, in id order. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  HANDLE_CHANGED, SECONDARY_REMOVED, PRECEDENCE_CHANGED, HOST_REPLACED, LANDSCAPE_REMOVED, STANDBY_CHANGED, STEPS_RECREATED,
  ROLLING_UPGRADE, UPGRADE_WITHOUT_STANDBY, STEPS_RERUN,
  PROMOTION,
];
