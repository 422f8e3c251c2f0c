import { MAIN_LOCATION_FUNCTIONS, WEB_RESTART_PENDING_SUFFIX } from '../main-location';
import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';
import { WEB_SERVER_FUNCTIONS } from '../web-server';

/**
 * The `webserver` step of a OneClick server installed from media: starts
 * OneClick's web server (`$SPECROOT/webtomcat/bin/startWebTomcat.sh`, as the
 * public Spectrum_playbooks playbook does after the install), as the install
 * owner. Its trigger chains to the OneClick install and to the install (and
 * upgrade) steps of every primary it serves, so it runs again, once, after
 * the primaries of a distributed landscape were upgraded: KB 192703 asks to
 * restart OneClick's Tomcat then. Running again means stop, then start.
 *
 * Before it starts the web server it makes `$SPECROOT/LS/.locrc` name the
 * main location server, as the mainlocation step does (which runs after it):
 * a web server this step starts reads the right one, and a deploy that runs
 * both steps (a promotion) restarts the web server once. The main location
 * server is not a trigger input here: the mainlocation step owns its changes.
 * With `manageMainLocation` false (OneClickServerOptions) it leaves `.locrc`
 * alone and only restarts the web server.
 */
export function webServerStep(server: ServerPlanInput, manageMainLocation = true): PlanStep | undefined {
  const { install } = server;
  if (!install.mediaPath) return undefined;
  const script = new StepScript('webserver')
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner);
  if (!manageMainLocation) {
    return script
      .body(WEB_SERVER_FUNCTIONS)
      .body(String.raw`oneclick_installed || die "OneClick is not installed in $SPECROOT (no webtomcat/bin/startWebTomcat.sh)"
restart_web_server
note "OneClick's web server started (its main location server is not managed here: manageMainLocation is false)"`)
      .remote(server.target);
  }
  return script
    .untriggered('MLS', server.mainLocationServer, checks.host, 'the mainlocation step re-runs on a change of the main location server')
    .constant('PENDING_SUFFIX', WEB_RESTART_PENDING_SUFFIX)
    .body(MAIN_LOCATION_FUNCTIONS)
    .body(WEB_SERVER_FUNCTIONS)
    .body(String.raw`oneclick_installed || die "OneClick is not installed in $SPECROOT (no webtomcat/bin/startWebTomcat.sh)"
PENDING="$LOCRC$PENDING_SUFFIX"
update_main_location "$PENDING" || true
restart_web_server
rm -f -- "$PENDING"
note "OneClick's web server started (main location server $MLS)"`)
    .remote(server.target);
}
