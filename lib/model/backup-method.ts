/** How the primary's database is saved to seed its secondaries. */
export enum BackupMethod {
  /**
   * `SSdbsave -cmq`: stops the primary for the save and starts it again
   * (spectrum-reference.md, "Commands").
   */
  SSDBSAVE = 'SSDBSAVE',
  /**
   * A user-supplied command (e.g. an Online Backup trigger) that leaves the
   * primary running; see `LandscapeOptions.backupCommand`.
   */
  COMMAND = 'COMMAND',
}
