package dev.gosetup.update;

import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.ManagedSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Looks for a newer Go for the active version of an install root, as the window's banner, {@code gosetup releases}
 * and {@code gosetup doctor} say it. The policy can silence it ({@code "updateNotices": "off"}) and limits it to the
 * versions it permits ({@link UpdateAdvisor}).
 */
public final class UpdateNotices {
    private UpdateNotices() {}

    /**
     * A notice and the list it came from.
     *
     * @param fromCache whether the list is the cached copy because the source could not be reached (offline, or it
     *                  failed); a copy the server confirmed as current (304) is not "from cache" here
     * @param listTime  when that list was fetched
     */
    public record Found(UpdateNotice notice, boolean fromCache, Instant listTime) {
        public Duration listAge(Instant now) {
            Duration d = Duration.between(listTime, now);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /** Whether the policy lets notices be shown at all. */
    public static boolean enabled(ManagedSettings managed) {
        return managed.policy() == null || !"off".equals(managed.policy().updateNotices());
    }

    /** From a list already loaded (releases has one). */
    public static Optional<UpdateNotice> of(ReleaseList list, SdkRoot sdk, ManagedSettings managed) {
        Optional<GoVersion> active = sdk.active();
        if (!enabled(managed) || active.isEmpty()) {
            return Optional.empty();
        }
        return UpdateAdvisor.advise(list, active.get(), managed.versions());
    }

    /**
     * Loads the list (the network, or the cached copy when offline: {@link ReleaseCatalog#load}) and advises. The
     * window calls this at start on a background thread.
     */
    public static Optional<Found> check(ReleaseCatalog catalog, String source, SdkRoot sdk, ManagedSettings managed) throws IOException {
        if (!enabled(managed) || sdk.active().isEmpty()) {
            return Optional.empty(); // nothing to compare, and nothing fetched for it
        }
        ReleaseCatalog.Loaded loaded = catalog.load(source);
        return of(loaded.list(), sdk, managed).map(n -> new Found(n, loaded.fromCache() && loaded.staleReason() != null, loaded.fetchedAt()));
    }

    /** From the cached list only, never the network (doctor: a health check that stays offline unless asked). */
    public static Optional<UpdateNotice> cached(ReleaseCatalog catalog, String source, SdkRoot sdk, ManagedSettings managed) {
        if (!enabled(managed) || sdk.active().isEmpty()) {
            return Optional.empty();
        }
        return catalog.cachedOnly(source).flatMap(list -> of(list, sdk, managed));
    }
}
