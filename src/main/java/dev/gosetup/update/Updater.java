package dev.gosetup.update;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Problem;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallResult;
import dev.gosetup.install.Installer;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code gosetup update} and the banner's Update button: install the new version with the normal {@link Installer}
 * (downloaded, hashed, signature-checked like any install), ask the new tree about itself ({@link NewGoCheck}), and
 * only then make it active. The previous version stays installed, so {@link Rollback} can return to it.
 *
 * <p>The check runs before the switch, so a Go that fails it is never the active one, not even for a moment: the
 * previous version simply stays active. A tree that fails {@code go version} is useless, so one that this update
 * installed is removed again, leaving nothing half; a version that was already installed before is left as it
 * was found (it is not this update's to delete) and the failure says so.
 */
public final class Updater {
    private static final Logger LOG = Logger.getLogger(Updater.class.getName());

    private final SdkRoot sdk;
    private final Installer installer;
    private final NewGoCheck check;

    public Updater(SdkRoot sdk, Installer installer, NewGoCheck check) {
        this.sdk = sdk;
        this.installer = installer;
        this.check = check;
    }

    /** @param previous the version that was active, still installed; @param checked what the new Go said */
    public record Result(GoVersion previous, GoVersion now, InstallResult install, NewGoCheck.Passed checked) {}

    /** The active version, which an update starts from; refused when there is none. */
    public static GoVersion activeOf(SdkRoot sdk) throws IOException {
        sdk.requireActiveLinkOrNothing();
        return sdk.active().filter(sdk::isInstalled).orElseThrow(() -> new UpdateRefusal("update.noActive", sdk.path()));
    }

    public Result update(InstallPlan plan, ProgressListener listener, CancelToken cancel) throws IOException {
        GoVersion previous = activeOf(sdk);
        GoVersion target = plan.version();
        boolean wasInstalled = sdk.isInstalled(target);
        InstallResult installed = installer.install(plan, listener, cancel);
        listener.phase("update.phase.checking");
        Platform platform = new Platform(plan.file().os(), plan.file().arch());
        // The same lock as install and remove: nobody removes or replaces the tree between its check and the switch.
        try (SdkRoot.Lock ignored = sdk.lock("update " + previous.name() + " -> " + target.name())) {
            NewGoCheck.Outcome outcome = check.check(sdk.versionDir(target), target, platform);
            if (outcome instanceof NewGoCheck.Outcome.Failed failed) {
                LOG.warning("The new " + target.name() + " failed its check (" + failed.problem().english() + "); "
                        + previous.name() + " stays active");
                if (!wasInstalled) {
                    sdk.remove(target);
                    throw new UpdateCheckFailed(Problem.of("update.checkFailed.removed", target.name(), failed.problem(), previous.name(),
                            sdk.versionDir(target)));
                }
                throw new UpdateCheckFailed(Problem.of("update.checkFailed.kept", target.name(), failed.problem(), previous.name(),
                        sdk.versionDir(target)));
            }
            listener.phase("update.phase.activating");
            sdk.activate(target);
            LOG.info("Updated " + sdk.path() + " from " + previous.name() + " to " + target.name() + "; " + previous.name() + " stays installed");
            return new Result(previous, target, installed, ((NewGoCheck.Outcome.Ok) outcome).passed());
        }
    }
}
