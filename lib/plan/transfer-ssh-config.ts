import { bashText } from './bash-text';

/**
 * The part of the transfer script (runs with bash on the machine that runs
 * Terraform) that prepares OpenSSH: a private working directory, and in it
 * an ssh_config and a known_hosts file that authenticate and verify each
 * peer exactly as Terraform's `connection` block does (docs/transfer.md).
 *
 * Expects, per peer prefix `P` (primary) and `S` (secondary), the variables
 * `<p>_HOST <p>_PORT <p>_USER <p>_HOST_KEY <p>_KEY_FILE <p>_AGENT (yes|no)
 * <p>_KEY_CONTENT_ONLY (yes|no) <p>_BASTION <p>_BASTION_USER <p>_BASTION_PORT
 * <p>_BASTION_HOST_KEY` (validated before) and a `die` function. Leaves
 * `CONFIG` (for `ssh -F`) and `WORK` set; the EXIT trap removes `WORK`.
 *
 * Never written here: a private key (the ssh reads the user's own key file
 * or asks the user's agent, SSH_AUTH_SOCK inherited from Terraform) or a
 * savefile (it is streamed from one ssh to the other).
 *
 * Pure text; the values reach it through `shell.assign` only.
 */

/** Name prefix of the working directories, so a later run can find one that a SIGKILL left behind. */
export const TRANSFER_WORK_PREFIX = 'cdktf-spectrum-transfer.';

/** ssh_config Host aliases of the peers and their bastions. */
export const TRANSFER_HOST_ALIASES = {
  primary: 'spectrum-primary',
  secondary: 'spectrum-secondary',
} as const;

export const TRANSFER_SSH_SETUP = bashText(String.raw`umask 077
# The working directory holds only ssh_config and known_hosts (host names,
# users, the path of the key file, public keys). When Terraform SIGKILLs
# this script (an interrupted deploy) the trap cannot run: the next transfer
# removes such a directory once the process that made it is gone.
WORK_PARENT=$\{TMPDIR:-/tmp}
[[ $WORK_PARENT =~ ^/[A-Za-z0-9._/-]*$ ]] || die "TMPDIR ($WORK_PARENT) must be an absolute path of letters, digits, '.', '_', '-' and '/': ssh reads the transfer's ssh_config from there"
for stale in "$WORK_PARENT"/${TRANSFER_WORK_PREFIX}*; do
  [ -d "$stale" ] && [ ! -L "$stale" ] && [ -O "$stale" ] || continue
  stale_pid=$(cat -- "$stale/pid" 2>/dev/null) || continue
  [[ $stale_pid =~ ^[0-9]+$ ]] || continue
  kill -0 "$stale_pid" 2>/dev/null && continue
  rm -rf -- "$stale"
done
WORK=$(mktemp -d "$WORK_PARENT/${TRANSFER_WORK_PREFIX}XXXXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
printf '%s\n' "$$" > "$WORK/pid"
CONFIG="$WORK/ssh_config"
KNOWN="$WORK/known_hosts"
: > "$CONFIG"
: > "$KNOWN"
# known_hosts names a host as OpenSSH looks it up: bare on port 22, else
# [host]:port (IPv6 literals too).
known_pattern() {
  if [ "$2" = 22 ]; then printf '%s' "$1"; else printf '[%s]:%s' "$1" "$2"; fi
}
# Terraform's connection writes host_key as "@cert-authority <host> <key>"
# and its known_hosts check also takes that line as the host's own key
# (hashicorp/terraform internal/communicator/ssh/provisioner.go,
# buildSSHClientConfig): the key verifies the host's key or a host
# certificate it signed. Both lines give OpenSSH the same two ways.
known_entries() { # HOST PORT KEY
  local pattern
  pattern=$(known_pattern "$1" "$2")
  printf '@cert-authority %s %s\n%s %s\n' "$pattern" "$3" "$pattern" "$3" >> "$KNOWN"
}
# One Host block: where, as whom, with which key, verified how. Without a
# host key Terraform accepts any key: so does this (accept-new, on a
# known_hosts of this run only, and ssh says so; warning SPX151 at synth).
host_block() { # ALIAS HOST PORT USER HOST_KEY KEY_FILE AGENT JUMP_ALIAS_OR_EMPTY
  local alias=$1 host=$2 port=$3 user=$4 hostkey=$5 keyfile=$6 agent=$7 jump=$8
  {
    printf 'Host %s\n  HostName %s\n  Port %s\n  User %s\n' "$alias" "$host" "$port" "$user"
    if [ -n "$hostkey" ]; then printf '  StrictHostKeyChecking yes\n'; else printf '  StrictHostKeyChecking accept-new\n'; fi
    if [ -n "$keyfile" ]; then
      printf '  IdentityFile %s\n' "$keyfile"
      # Only that key, unless the agent is wanted too (Terraform offers both then).
      if [ "$agent" != yes ]; then printf '  IdentitiesOnly yes\n'; fi
    fi
    if [ -n "$jump" ]; then printf '  ProxyJump %s\n' "$jump"; fi
    printf '\n'
  } >> "$CONFIG"
  if [ -n "$hostkey" ]; then known_entries "$host" "$port" "$hostkey"; fi
}
# A peer and, with a bastion, the bastion as its own Host block (its own
# user, port and host key, the same key file or agent), reached first with
# ProxyJump <alias>: an IPv6 literal never appears inside a ProxyJump.
ssh_peer() { # ALIAS ROLE HOST PORT USER HOST_KEY KEY_FILE AGENT KEY_CONTENT_ONLY BASTION BASTION_USER BASTION_PORT BASTION_HOST_KEY
  local alias=$1 role=$2 host=$3 port=$4 user=$5 hostkey=$6 keyfile=$7 agent=$8 content_only=$9
  shift 9
  local bastion=$1 buser=$2 bport=$3 bkey=$4
  if [ "$content_only" = yes ]; then
    die "the $role $host is reached with private key content only, which the transfer never receives (SPX157): set connection.privateKeyFile to the key's path on this machine, or agent: true"
  fi
  if [ -n "$keyfile" ] && [ ! -r "$keyfile" ]; then
    die "the private key file $keyfile (connection.privateKeyFile of the $role $host) is not readable on the machine that runs Terraform"
  fi
  if [ "$agent" = yes ] && [ -z "$\{SSH_AUTH_SOCK:-}" ]; then
    die "the $role $host is reached with the SSH agent (agent: true), but SSH_AUTH_SOCK is not set where Terraform runs"
  fi
  if [ -n "$bastion" ]; then
    host_block "$alias-bastion" "$bastion" "$bport" "$buser" "$bkey" "$keyfile" "$agent" ''
    host_block "$alias" "$host" "$port" "$user" "$hostkey" "$keyfile" "$agent" "$alias-bastion"
  else
    host_block "$alias" "$host" "$port" "$user" "$hostkey" "$keyfile" "$agent" ''
  fi
}
ssh_peer ${TRANSFER_HOST_ALIASES.primary} primary "$P_HOST" "$P_PORT" "$P_USER" "$P_HOST_KEY" "$P_KEY_FILE" "$P_AGENT" "$P_KEY_CONTENT_ONLY" "$P_BASTION" "$P_BASTION_USER" "$P_BASTION_PORT" "$P_BASTION_HOST_KEY"
ssh_peer ${TRANSFER_HOST_ALIASES.secondary} secondary "$S_HOST" "$S_PORT" "$S_USER" "$S_HOST_KEY" "$S_KEY_FILE" "$S_AGENT" "$S_KEY_CONTENT_ONLY" "$S_BASTION" "$S_BASTION_USER" "$S_BASTION_PORT" "$S_BASTION_HOST_KEY"
# Settings of every block (ssh takes the first value it finds, so this comes
# last). -F means no ~/.ssh/config and no /etc/ssh/ssh_config are read, and
# no known_hosts other than this run's is trusted.
{
  printf 'Host *\n'
  printf '  UserKnownHostsFile %s\n  GlobalKnownHostsFile /dev/null\n' "$KNOWN"
  printf '  CheckHostIP no\n  UpdateHostKeys no\n  VerifyHostKeyDNS no\n  HashKnownHosts no\n'
  printf '  BatchMode yes\n  PasswordAuthentication no\n  KbdInteractiveAuthentication no\n'
  printf '  ForwardAgent no\n  ForwardX11 no\n  ControlMaster no\n  ControlPath none\n'
  printf '  ConnectTimeout 30\n  ServerAliveInterval 15\n  ServerAliveCountMax 4\n'
} >> "$CONFIG"`);
