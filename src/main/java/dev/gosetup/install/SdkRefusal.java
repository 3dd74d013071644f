package dev.gosetup.install;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.release.GoVersion;
import java.nio.file.Path;

/**
 * What the install root, as it is, does not allow: a version that is not installed, the active one, a folder
 * gosetup did not make where it would install, a read-only root. Not a failure of gosetup but of the request
 * (exit 2): the message says what is there and what to do, as a message key so each face says it in its
 * language; {@link #getMessage()} is the English text for logs.
 */
public class SdkRefusal extends ProblemException {
    SdkRefusal(String key, Object... args) {
        super(Problem.of(key, args));
    }

    static SdkRefusal notInstalled(GoVersion v, Path root) {
        return new SdkRefusal("sdk.refusal.notInstalled", v.name(), root);
    }

    static SdkRefusal active(GoVersion v) {
        return new SdkRefusal("sdk.refusal.active", v.name());
    }

    /** A version's folder that gosetup did not make (a hand-copied Go, someone's notes): never deleted or replaced. */
    static SdkRefusal notOurs(Path dir) {
        return new SdkRefusal("sdk.refusal.notOurs", dir, dir.getFileName());
    }

    /** ROOT/go is a real folder, where the link to the active version belongs. */
    static SdkRefusal activeIsFolder(Path active) {
        return new SdkRefusal("sdk.refusal.activeIsFolder", active);
    }

    /** @param folder the folder that cannot be written: the root, or the parent it would be made in */
    static SdkRefusal readOnly(Path root, Path folder) {
        return new SdkRefusal("sdk.refusal.readOnly", root, folder);
    }
}
