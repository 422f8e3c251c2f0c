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
  readonly severity: Severity;
}

export const HANDLE_CHANGED: ChangeKind = {
  id: 'SPX300',
  kind: 'handle-changed',
  description: 'Baseline: a landscape handle changes; Spectrum fixes the handle at install, so every server of the landscape needs a reinstall',
  severity: 'warning',
};

export const SECONDARY_REMOVED: ChangeKind = {
  id: 'SPX301',
  kind: 'secondary-removed',
  description: 'Baseline: a secondary is removed; the primary\'s deregister step runs MapUpdate -remove for it',
  severity: 'warning',
};

export const PRECEDENCE_CHANGED: ChangeKind = {
  id: 'SPX302',
  kind: 'precedence-changed',
  description: 'Baseline: a precedence changes; the secondary is stopped and its database reloaded',
  severity: 'warning',
};

export const HOST_REPLACED: ChangeKind = {
  id: 'SPX303',
  kind: 'host-replaced',
  description: 'Baseline: a server moves to another host; its steps run again on the new host',
  severity: 'warning',
};

export const LANDSCAPE_REMOVED: ChangeKind = {
  id: 'SPX304',
  kind: 'landscape-removed',
  description: 'Baseline: a landscape is removed; its plan resources are destroyed, Spectrum stays installed and running on the hosts',
  severity: 'warning',
};

export const STANDBY_CHANGED: ChangeKind = {
  id: 'SPX305',
  kind: 'standby-changed',
  description: 'Baseline: a standby mode changes; the primary\'s .vnmrc is rewritten and the primary SpectroSERVER restarts',
  severity: 'warning',
};

export const STEPS_RECREATED: ChangeKind = {
  id: 'SPX306',
  kind: 'steps-recreated',
  description: 'Baseline: a server\'s plan resources are destroyed and created anew (resource type or construct id changed)',
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
  severity: 'info',
};

export const UPGRADE_WITHOUT_STANDBY: ChangeKind = {
  id: 'SPX308',
  kind: 'upgrade-without-standby',
  description: 'Baseline: a landscape without a secondary is upgraded; no SpectroSERVER serves it while the installer runs',
  severity: 'warning',
};

export const STEPS_RERUN: ChangeKind = {
  id: 'SPX309',
  kind: 'steps-rerun',
  description: 'Baseline: a server\'s steps run again because an input of theirs changed (install dir, owner, media, .vnmrc keys, backup command, a step they follow) and no other change explains it',
  severity: 'warning',
};

export const PROMOTION: ChangeKind = {
  id: 'SPX310',
  kind: 'promotion',
  description: 'Baseline: a secondary becomes the primary (KB 49550); applying it stops the former primary, reloads the new one with the primary\'s precedence and re-seeds the former primary from it',
  severity: 'warning',
};

/** Every change kind, in id order. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  HANDLE_CHANGED, SECONDARY_REMOVED, PRECEDENCE_CHANGED, HOST_REPLACED, LANDSCAPE_REMOVED, STANDBY_CHANGED, STEPS_RECREATED,
  ROLLING_UPGRADE, UPGRADE_WITHOUT_STANDBY, STEPS_RERUN,
  PROMOTION,
];
