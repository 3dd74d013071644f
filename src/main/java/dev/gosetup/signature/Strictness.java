package dev.gosetup.signature;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly an archive's OpenPGP signature is asked for. A signature that is there and bad is fatal under
 * every mode but {@link #OFF} (which does not look); the modes differ only in what a missing signature means.
 */
public enum Strictness {
    /** No install without a good signature: the default when an organisation's policy applies. */
    REQUIRED("required"),
    /** Verify when the mirror (or dl.google.com) has a signature; say plainly when there is none. */
    IF_AVAILABLE("if-available"),
    /** Do not fetch or check signatures; the SHA-256 of the release list is all. */
    OFF("off");

    public final String jsonName;

    Strictness(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The mode named {@code name} ("required", "if-available", "off"), if it is one. */
    public static Optional<Strictness> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Strictness s : values()) {
            if (s.jsonName.equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * What applies when neither the user nor IT chose: managed machines must prove where every binary came
     * from; a developer's own machine verifies what it can and says what it could not.
     */
    public static Strictness defaultFor(boolean managed) {
        return managed ? REQUIRED : IF_AVAILABLE;
    }
}
