package dev.gosetup.host;

import java.util.Optional;

/**
 * A sysctl read. Detection must tell "the kernel has no such name" (ENOENT: an Intel Mac has no
 * {@code hw.optional.arm64}) from "nobody captured it" (a hand-made snapshot): the first is a fact, the
 * second is not knowing.
 */
public sealed interface SysctlValue {

    record Present(String value) implements SysctlValue {}

    /** The kernel answered "unknown oid" (ENOENT). */
    record Unknown() implements SysctlValue {}

    /** Not read: not macOS, or missing from the snapshot. */
    record NotCaptured() implements SysctlValue {}

    static SysctlValue present(String value) {
        return new Present(value);
    }

    static SysctlValue unknown() {
        return new Unknown();
    }

    static SysctlValue notCaptured() {
        return new NotCaptured();
    }

    default Optional<String> text() {
        return this instanceof Present(String v) ? Optional.of(v) : Optional.empty();
    }

    default boolean isUnknownOid() {
        return this instanceof Unknown;
    }

    /** The value as a number, when it is one ({@code hw.optional.arm64: 1}). */
    default Optional<Long> asLong() {
        return text().flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
