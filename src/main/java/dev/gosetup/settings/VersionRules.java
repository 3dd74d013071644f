package dev.gosetup.settings;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Go versions may be installed and which one is the default, from the policy.
 * <ul>
 * <li>{@code allowedGoVersions} set: only versions matching one of its entries;</li>
 * <li>otherwise a locked {@code goVersion}: only that one (locking the pin means users cannot pick another);</li>
 * <li>otherwise anything.</li>
 * </ul>
 * An entry is an exact version ("1.22.5", "go1.23rc1") or a minor line ("1.22": any 1.22.x).
 *
 * @param pinned    the policy's goVersion, or null
 * @param pinLocked whether users may not choose another version than the pinned one
 * @param allowed   the allowed entries; empty for no list
 */
public record VersionRules(String pinned, boolean pinLocked, List<String> allowed) {
    /** What an entry may look like: a line or a version, with or without "go". */
    static final Pattern SYNTAX = Pattern.compile("^(go)?\\d+\\.\\d+(\\.\\d+)?((rc|beta)\\d+)?$");
    private static final Pattern LINE = Pattern.compile("^(go)?\\d+\\.\\d+$");

    public static final VersionRules NONE = new VersionRules(null, false, List.of());

    public VersionRules {
        allowed = List.copyOf(allowed);
    }

    /** Whether the policy limits the versions at all. */
    public boolean restricts() {
        return !allowed.isEmpty() || pinned != null && pinLocked;
    }

    /** Whether the policy decides what "latest" means: a pinned version, or a limit on the versions. */
    public boolean choosesDefault() {
        return pinned != null || restricts();
    }

    public boolean permits(GoVersion version) {
        if (!allowed.isEmpty()) {
            return allowed.stream().anyMatch(entry -> matches(entry, version));
        }
        return pinned == null || !pinLocked || matches(pinned, version);
    }

    /**
     * Whether {@code version} is what the pinned goVersion names ("1.22" any 1.22.x, "1.22.5" that one); any
     * version when nothing is pinned. Update notices never point beyond the pin, locked or not.
     */
    public boolean withinPin(GoVersion version) {
        return pinned == null || matches(pinned, version);
    }

    /** The entries that may be installed, for messages: the allowed list, or the locked pin. */
    public List<String> permitted() {
        return !allowed.isEmpty() ? allowed : pinned != null && pinLocked ? List.of(pinned) : List.of();
    }

    /**
     * What {@code install} with no version (or "latest") installs and the wizard preselects: the pinned
     * version's newest release, else the newest stable release that is permitted; empty when the list has none.
     */
    public Optional<Release> defaultRelease(ReleaseList list) {
        if (pinned != null) {
            return list.find(pinned);
        }
        return list.releases().stream().filter(Release::stable).filter(r -> permits(r.version())).findFirst();
    }

    static boolean matches(String entry, GoVersion version) {
        String e = entry.strip();
        if (LINE.matcher(e).matches()) {
            return version.line().equals(e.replaceFirst("^go", ""));
        }
        return GoVersion.parse(e).map(version::sameAs).orElse(false);
    }

    static boolean validSyntax(String entry) {
        return SYNTAX.matcher(entry.strip()).matches();
    }
}
