import { SpectrumUpdate } from './spectrum-update';

/**
 * How Spectrum is installed on the servers of a landscape.
 */
export interface SpectrumInstallOptions {
  /**
   * Directory of the Spectrum installation media on each host (the one that
   * holds `sdic/sdiclinux.exe`).
   * @default - Spectrum is already installed: the plan only configures it
   */
  readonly mediaPath?: string;

  /**
   * Installation directory (`$SPECROOT`).
   * @default '/opt/CA/Spectrum'
   */
  readonly installDir?: string;

  /**
   * The OS user Spectrum is installed and run as. Every SpectroSERVER of a
   * distributed landscape must use the same owner (SPX130).
   * @default 'spectrum'
   */
  readonly owner?: string;

  /**
   * The owner's password, required by the installer. Must be a token (for
   * example a sensitive Terraform variable); a literal fails SPX150.
   * @default - none; required when `mediaPath` is set
   */
  readonly ownerPassword?: string;

  /**
   * The Spectrum version on the media (e.g. `10.4.1`). The install step is
   * skipped on a host whose `Install-Tools/.history` already lists it.
   * @default - any installed version counts as installed
   */
  readonly version?: string;

  /**
   * Installer parts to leave out (`exclude_parts`), e.g. `SA-RPT-MGR`.
   * @default - none
   */
  readonly excludeParts?: string[];

  /**
   * Prepare each host before the install (a `prepare` step per server, run
   * before `install`): install the OS packages Spectrum needs that are
   * missing, create the owner when it does not exist (with `ownerPassword`,
   * passed on stdin to `chpasswd`), add the owner's sudoers line for SRAdmin,
   * and install and start SRAdmin from the media when the `processd` service
   * is not there. A prepared host is left alone. It never disables SELinux
   * or a firewall: docs/host-preparation.md lists the ports to open.
   * Needs `mediaPath` (SRAdmin comes from the media).
   * @default false
   */
  readonly prepareHost?: boolean;

  /**
   * OS packages host preparation makes sure are installed (only with
   * `prepareHost`). Names as the host's package manager spells them.
   * @default - by distribution family: the Spectrum_playbooks list on RHEL
   * (dnf, yum, zypper), its Debian equivalents with apt-get; see
   * docs/host-preparation.md
   */
  readonly osPackages?: string[];

  /**
   * Where host preparation installs SRAdmin (`sradmin.exe`; the init
   * script's `SRADHOME`). Only with `prepareHost`.
   * @default '/opt/CA/SRAdmin'
   */
  readonly sradminDir?: string;

  /**
   * Update media applied after the base release, once each, in this order
   * (skipped on a host whose `Install-Tools/.history` lists the update's
   * version). Adding an update to the list applies just that update, server
   * by server in the rolling-upgrade order (docs/upgrades.md). Without
   * `mediaPath` the updates are applied to the installation already there.
   * @default - no updates
   */
  readonly updates?: SpectrumUpdate[];
}
