/**
 * Bash functions for OneClick's web server, after the remote prelude
 * (as_owner): its scripts `$SPECROOT/webtomcat/bin/startWebTomcat.sh` and
 * `stopWebTomcat.sh`, as the public Spectrum_playbooks playbook runs them.
 * Shared by the webserver and mainlocation steps.
 *
 * `restart_web_server`: stop, then start, as the install owner. A web server
 * that is not running may refuse to stop: it is started anyway. Fails the
 * script when the start fails.
 */
export const WEB_SERVER_FUNCTIONS = String.raw`WEBTOMCAT="$SPECROOT/webtomcat/bin"
oneclick_installed() { [ -x "$WEBTOMCAT/startWebTomcat.sh" ]; }
restart_web_server() {
  if [ -x "$WEBTOMCAT/stopWebTomcat.sh" ]; then
    as_owner "$WEBTOMCAT/stopWebTomcat.sh" || note "stopWebTomcat.sh failed (exit $?); starting the web server anyway"
  fi
  as_owner "$WEBTOMCAT/startWebTomcat.sh" || die "startWebTomcat.sh failed (exit $?); its output is above"
}`;
