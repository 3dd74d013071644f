package dev.gosetup.update;

import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import dev.gosetup.settings.VersionRules;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code gosetup rollback} and the Installed versions page's "Roll back" action: makes the version that was active
 * before the current one active again, from the root's activation history. A second rollback goes one more step
 * back. The version must still be installed (and allowed by the policy); otherwise nothing changes and the refusal
 * says which version it was and how to get it back.
 */
public final class Rollback {
    private Rollback() {}

    /** From → to. */
    public record Done(GoVersion from, GoVersion to) {}

    /** Where a rollback would go, for the faces to offer it ("Roll back to go1.21.13"); empty when nowhere. */
    public static Optional<GoVersion> target(SdkRoot sdk) {
        return sdk.history().previous(sdk.active());
    }

    public static Done run(SdkRoot sdk, VersionRules rules) throws IOException {
        try (SdkRoot.Lock ignored = sdk.lock("rollback")) {
            sdk.requireActiveLinkOrNothing();
            Optional<GoVersion> active = sdk.active();
            GoVersion to = target(sdk).orElseThrow(() -> new UpdateRefusal("update.rollback.nothing", sdk.path()));
            if (!sdk.isInstalled(to)) {
                throw new UpdateRefusal("update.rollback.removed", to.name(), sdk.versionDir(to), to.name().replaceFirst("^go", ""));
            }
            if (!rules.permits(to)) {
                throw new UpdateRefusal("update.rollback.notAllowed", to.name());
            }
            sdk.rollBackTo(to);
            return new Done(active.orElse(null), to);
        }
    }
}
