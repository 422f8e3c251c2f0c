/**
 * How Terraform reaches a host over SSH (Terraform's `connection` block).
 *
 * Set on a landscape (or a distributed landscape) as the default for all of
 * its servers and overridden field by field per server.
 */
export interface SshConnectionOptions {
  /**
   * The user to log in as.
   * @default 'root'
   */
  readonly user?: string;

  /**
   * The private key's content. Must be a token (a Terraform variable, a
   * secret from another resource): a literal key in code fails rule SPX150.
   * Used by Terraform's connections only: the savefile transfer, which runs
   * ssh on the machine that runs Terraform, never receives key content, so
   * the servers of a landscape with secondaries also need `privateKeyFile`
   * or `agent` (rule SPX157; docs/transfer.md).
   * @default - no key content; `privateKeyFile` or the SSH agent is used
   */
  readonly privateKey?: string;

  /**
   * Path of a private key file on the machine that runs Terraform; a
   * leading `~` is expanded (Terraform's `pathexpand()`). Terraform's
   * connections read it (unless `privateKey` is set), and the savefile
   * transfer's ssh uses it as its identity file.
   * @default - no key file
   */
  readonly privateKeyFile?: string;

  /**
   * Use the SSH agent of the machine that runs Terraform (`SSH_AUTH_SOCK`),
   * for Terraform's connections and the savefile transfer alike.
   * @default false
   */
  readonly agent?: boolean;

  /**
   * SSH port.
   * @default 22
   */
  readonly port?: number;

  /**
   * The host's public key (e.g. `ssh-ed25519 AAAA...`), or the public key of
   * a host CA that signed the host's certificate, verified on connect (as
   * Terraform's `host_key`). Without it the host's identity is not verified
   * (warning SPX151).
   * @default - host key not verified
   */
  readonly hostKey?: string;

  /**
   * A bastion (jump) host to connect through.
   * @default - direct connection
   */
  readonly bastionHost?: string;

  /**
   * User on the bastion host.
   * @default - the connection's `user`
   */
  readonly bastionUser?: string;

  /**
   * SSH port of the bastion host.
   * @default - the connection's `port`
   */
  readonly bastionPort?: number;

  /**
   * The bastion's public host key, or a host CA's key (as `hostKey`).
   * @default - bastion host key not verified
   */
  readonly bastionHostKey?: string;

  /**
   * Connection timeout, as Terraform durations are written (e.g. `5m`).
   * @default '5m'
   */
  readonly timeout?: string;
}
