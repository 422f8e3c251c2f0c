import { MAIN_LOCATION_FUNCTIONS, WEB_RESTART_PENDING_SUFFIX } from '../main-location';
import { PlanStep } from '../plan-step';
import { declareRetention } from '../retention';
import { ServerPlanInput } from '../server-plan-input';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';
import { WEB_SERVER_FUNCTIONS } from '../web-server';

/**
 * The `mainlocation` step of a OneClick server: points OneClick at its main
 * location server, KB 49550's last step of a promotion ("point OneClick's
 * main location server at the new primary"). KB 49550 does it in OneClick's
 * administration pages ("Main Location Server Name"); Broadcom documents no
 * command or file for that, so the step uses the closest documented
 * mechanism (docs/promotion.md, assumptions): the key
 * `MAIN_LOCATION_HOST_NAME` of `$SPECROOT/LS/.locrc` (techdocs 21.2
 * "Establish Fault Tolerance"), which the installer writes from
 * `main_loc_serv` at install time only (Spectrum_playbooks playbook).
 *
 * Its trigger inputs are the host, install dir, owner and the main location
 * server (`mls`), so a promotion that changes the main location server runs
 * it again. It changes nothing, and restarts nothing, when the file already
 * names that host. When it changed the file it restarts OneClick's web server
 * (stop, then start), which reads the main location server when it starts; a
 * marker next to the file makes the next run restart it when this run
 * stopped in between. It runs after the webserver step, which writes the file
 * the same way before its own restart: when both run in one deploy the web
 * server restarts once, from the webserver step, and this step finds the file
 * right.
 *
 * SpectroSERVERs do not get this step. techdocs 21.2 asks every server of a
 * landscape to name the same main location host; a SpectroSERVER reads
 * `.locrc` when it starts, and the plan never restarts SpectroSERVERs for it
 * (restarting every one of an estate at once would take fault tolerance
 * away). Writing their files without a restart would make servers of one
 * landscape name different hosts, depending on when each last started,
 * which is the mismatch techdocs 21.2 says breaks synchronisation; left as
 * their installs wrote them, they all keep naming the same host
 * (docs/promotion.md, "Costs and limits").
 *
 * @param retain how many `.bak` copies of `.locrc` to keep
 */
export function mainLocationStep(oneClick: ServerPlanInput, retain?: number): PlanStep {
  return declareRetention(new StepScript('mainlocation'), retain)
    .input('SPECROOT', oneClick.install.installDir, checks.path)
    .input('OWNER', oneClick.install.owner, checks.owner)
    .input('MLS', oneClick.mainLocationServer, checks.host)
    .constant('PENDING_SUFFIX', WEB_RESTART_PENDING_SUFFIX)
    .body(MAIN_LOCATION_FUNCTIONS)
    .body(WEB_SERVER_FUNCTIONS)
    .body(String.raw`oneclick_installed || die "OneClick is not installed in $SPECROOT (no webtomcat/bin/startWebTomcat.sh); set install.mediaPath so that the install step installs it"
PENDING="$LOCRC$PENDING_SUFFIX"
update_main_location "$PENDING" || note "$LOCRC already names $MLS as the main location server; unchanged"
if [ -f "$PENDING" ]; then
  note "restarting OneClick's web server so it reads $LOCRC (changed $(cat -- "$PENDING"), not restarted since)"
  restart_web_server
  rm -f -- "$PENDING"
  note "OneClick's web server restarted with main location server $MLS"
else
  note "no restart: the file was already right"
fi
prune_backups "$RETAIN" "$LOCRC"`)
    .remote(oneClick.target);
}
