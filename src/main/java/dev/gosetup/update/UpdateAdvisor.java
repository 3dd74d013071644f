package dev.gosetup.update;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.VersionRules;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether there is something newer than the active Go worth saying, from a release list and the policy's
 * version rules. Pure: the faces give it the list they have (fresh or cached).
 */
public final class UpdateAdvisor {
    private UpdateAdvisor() {}

    /**
     * @return a notice when a newer patch of the active line or a newer line exists among the releases the
     *         policy permits (and, when it pins a version or line, within the pin); empty otherwise — also for an
     *         unsupported line with nowhere permitted to go (IT decided that, a notice would only nag)
     */
    public static Optional<UpdateNotice> advise(ReleaseList list, GoVersion active, VersionRules rules) {
        GoVersion patch = candidates(list, rules)
                .filter(v -> v.line().equals(active.line()) && v.compareTo(active) > 0).findFirst().orElse(null);
        GoVersion line = candidates(list, rules).filter(v -> newerLine(v, active)).findFirst().orElse(null);
        if (patch == null && line == null) {
            return Optional.empty();
        }
        return Optional.of(new UpdateNotice(active, patch, list.supportOf(active).supported(), line));
    }

    /** The newest permitted stable patch of {@code line} ("1.23"), for {@code update --line}. */
    public static Optional<Release> newestOfLine(ReleaseList list, String line, VersionRules rules) {
        return list.releases().stream().filter(Release::stable).filter(r -> r.version().line().equals(line))
                .filter(r -> rules.permits(r.version()) && rules.withinPin(r.version())).findFirst();
    }

    /** Stable releases that may be installed and are within the pin, newest first. */
    private static Stream<GoVersion> candidates(ReleaseList list, VersionRules rules) {
        return list.releases().stream().filter(Release::stable).map(Release::version)
                .filter(v -> rules.permits(v) && rules.withinPin(v));
    }

    static boolean newerLine(GoVersion v, GoVersion than) {
        return v.major() > than.major() || v.major() == than.major() && v.minor() > than.minor();
    }
}
