import { bashText } from './bash-text';

/**
 * OneClick's (and every SpectroSERVER's) main location server as Spectrum
 * keeps it: the key `MAIN_LOCATION_HOST_NAME` of `$SPECROOT/LS/.locrc`
 * (techdocs 21.2 "Establish Fault Tolerance"; the same file holds
 * `MET_INTERVAL`, KB 49337). The installer writes it from hostargs'
 * `main_loc_serv` (Spectrum_playbooks playbook), at install time only.
 */
export const LOCRC_PATH = 'LS/.locrc';
export const MAIN_LOCATION_KEY = 'MAIN_LOCATION_HOST_NAME';

/**
 * Written next to `.locrc` before the file is changed on a OneClick host and
 * removed once OneClick's web server has been restarted: a run that stops in
 * between leaves it, so the next run restarts the web server even though the
 * file is already right.
 */
export const WEB_RESTART_PENDING_SUFFIX = '.cdktf-spectrum-web-restart-pending';

/**
 * Bash functions that keep `MAIN_LOCATION_HOST_NAME=$MLS` in
 * `$SPECROOT/LS/.locrc`, after the remote prelude (replace_file,
 * prune_backups). They expect SPECROOT and MLS (a checked host).
 *
 * `update_main_location [MARKER]`: returns 1 when the file already names
 * $MLS (nothing written); otherwise writes MARKER (when given) first, then
 * replaces the file atomically, keeping a `.bak` of what it replaces. The
 * key's first line is rewritten (later duplicates dropped), every other line
 * is kept as it is; a file without the key gets it appended. A missing
 * `.locrc` is refused: the installer writes it with settings of its own that
 * a file written here would lack.
 */
export const MAIN_LOCATION_FUNCTIONS = bashText(String.raw`LOCRC="$SPECROOT/${LOCRC_PATH}"
update_main_location() {
  local marker=$\{1:-} new
  if [ ! -e "$LOCRC" ] && [ ! -L "$LOCRC" ]; then
    die "$LOCRC does not exist; Spectrum's installer writes it (${MAIN_LOCATION_KEY}, techdocs 21.2 'Establish Fault Tolerance'); refused rather than writing one without the installer's other settings. Restore the file, or, where this OneClick keeps its main location server elsewhere, set manageMainLocation: false on this OneClick server and point it at a new main location server by hand (KB 49550; docs/promotion.md)"
  fi
  new="$LOCRC.cdktf-spectrum-new"
  awk -v k='${MAIN_LOCATION_KEY}' -v v="$MLS" '
    {
      key = $0; sub(/^[ \t]+/, "", key); sub(/[ \t]*=.*/, "", key)
      if (key == k) { if (!done) { print k "=" v; done = 1 } ; next }
      print
    }
    END { if (!done) print k "=" v }
  ' "$LOCRC" > "$new"
  if [ -f "$LOCRC" ] && cmp -s "$LOCRC" "$new"; then rm -f -- "$new"; return 1; fi
  if [ -n "$marker" ]; then date -u +%Y-%m-%dT%H:%M:%SZ > "$marker"; fi
  replace_file "$LOCRC" "$new" || true
  note "$LOCRC now says ${MAIN_LOCATION_KEY}=$MLS"
}`);
