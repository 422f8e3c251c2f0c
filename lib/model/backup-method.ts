/** How the primary's database is saved to seed its secondaries. */
export enum BackupMethod {
  /**
   * `SSdbsave -cmq`: stops the primary for the save and starts it again
   * (techdocs 10.4.1 "Database Backups"; docs/spectrum-facts.md).
   */
  SSDBSAVE = 'SSDBSAVE',
  /**
   * A user-supplied command (e.g. an Online Backup trigger) that leaves the
   * primary running; see `LandscapeOptions.backupCommand`.
   */
  COMMAND = 'COMMAND',
}
