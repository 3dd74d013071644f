package dev.gosetup.doctor;

import dev.gosetup.update.UpdateNotice;
import java.util.List;
import java.util.Optional;

/**
 * The update notice as a health finding (id {@code go-update}): a warning whose detail names the fix,
 * {@code gosetup update} (with {@code --line} for another line). Not a --fix: an update downloads and switches Go,
 * which the user starts knowingly. Made from the cached release list, so the health check stays offline.
 */
public final class UpdateFindings {
    public static final String ID = "go-update";

    private UpdateFindings() {}

    /**
     * @param notice  what is newer, if anything
     * @param checked whether there was something to compare (an active version and a cached list, notices not
     *                silenced); without it there is no finding at all
     */
    public static List<Finding> of(Optional<UpdateNotice> notice, boolean checked) {
        if (notice.isPresent()) {
            UpdateNotice n = notice.get();
            String fix = n.changesLine() ? "gosetup update --line " + n.target().line() : "gosetup update";
            String key = switch (n.key()) {
                case "update.notice.patch" -> "doctor.update.patch";
                case "update.notice.patchUnsupported" -> "doctor.update.patchUnsupported";
                case "update.notice.line" -> "doctor.update.line";
                default -> "doctor.update.unsupported";
            };
            return List.of(Finding.warn(ID, key, null, n.active().name(), n.target().name(),
                    n.newerLine() == null ? "-" : n.newerLine().name(), fix));
        }
        return checked ? List.of(Finding.ok(ID, "doctor.update")) : List.of();
    }

    /**
     * For the install root and release list of {@code sources}: compared with that list as saved on this computer
     * (never fetched for this), as {@code gosetup doctor} and the Health check page both show it.
     */
    public static List<Finding> cached(dev.gosetup.install.InstallSources sources, dev.gosetup.settings.ManagedSettings managed) {
        dev.gosetup.release.ReleaseCatalog catalog = new dev.gosetup.release.ReleaseCatalog(
                () -> dev.gosetup.fetch.HttpClients.create(sources.policy()), sources.policy(), sources.cacheDir());
        boolean comparable = dev.gosetup.update.UpdateNotices.enabled(managed) && sources.sdk().active().isPresent()
                && catalog.cachedOnly(sources.releaseList()).isPresent();
        return of(dev.gosetup.update.UpdateNotices.cached(catalog, sources.releaseList(), sources.sdk(), managed), comparable);
    }
}
