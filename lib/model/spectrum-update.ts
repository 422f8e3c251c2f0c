/**
 * Update media applied on top of the base release of `SpectrumInstallOptions`
 * (the Spectrum_playbooks playbook's `update_dir`): the same silent installer,
 * run from the update's media over the installed release.
 */
export interface SpectrumUpdate {
  /**
   * Directory of the update media on each host (the one that holds
   * `sdic/sdiclinux.exe`). An absolute path of safe characters (SPX134), or a
   * token checked when Terraform applies.
   */
  readonly mediaPath: string;

  /**
   * The version the update installs, as `Install-Tools/.history` lists it
   * (e.g. `10.4.2.1`). An update is applied once: skipped on a host whose
   * `.history` lists this version (a whole version: `10.4.1` is not
   * `10.4.10`). Versions are unique and ascending in the list (SPX134).
   */
  readonly version: string;
}
