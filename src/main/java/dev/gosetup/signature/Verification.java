package dev.gosetup.signature;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How an archive's origin was established, beyond its SHA-256: what was found of its OpenPGP signature and,
 * when it was good, who made it. Plain values (no OpenPGP types): it is shown, recorded in the version's folder
 * and read back by {@code list} and the doctor.
 *
 * @param outcome            signed, no signature found, or not checked
 * @param signer             the trusted key's name ("Google" for the bundled key, the user ID of an IT key); null unless signed
 * @param primaryFingerprint the trusted primary key's fingerprint (upper-case hex); null unless signed
 * @param signingKey         the fingerprint of the (sub)key that made the signature; null unless signed
 * @param signedAt           the signature's creation time; null unless signed
 * @param signatureSource    where the signature came from (a URL without credentials, or a file); null when none was found
 * @param absence            why there is no signature ({@link Absence}); null when signed
 */
public record Verification(Outcome outcome, String signer, String primaryFingerprint, String signingKey, Instant signedAt,
                           String signatureSource, Absence absence) {

    public enum Outcome {
        SIGNED, NO_SIGNATURE, NOT_CHECKED
    }

    /** Why no signature was checked. */
    public enum Absence {
        /** The mirror (and, when it applies, dl.google.com) has no FILE.asc. */
        NONE_PUBLISHED,
        /** Fetching FILE.asc failed (network, proxy): whether one exists is not known. */
        UNREACHABLE,
        /** Signature checking is off (setting or policy). */
        TURNED_OFF;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.SIGNED) {
            Objects.requireNonNull(primaryFingerprint, "primaryFingerprint");
            Objects.requireNonNull(signingKey, "signingKey");
        }
    }

    public static Verification signed(String signer, String primaryFingerprint, String signingKey, Instant signedAt, String source) {
        return new Verification(Outcome.SIGNED, signer, primaryFingerprint, signingKey, signedAt, source, null);
    }

    public static Verification noSignature(Absence why, String triedSource) {
        return new Verification(Outcome.NO_SIGNATURE, null, null, null, null, triedSource, why);
    }

    public static Verification notChecked() {
        return new Verification(Outcome.NOT_CHECKED, null, null, null, null, null, Absence.TURNED_OFF);
    }

    public boolean signed() {
        return outcome == Outcome.SIGNED;
    }

    /** The last four hex digits of the trusted primary key ("4796"), as people quote key IDs; null unless signed. */
    public String shortKey() {
        return primaryFingerprint == null ? null : primaryFingerprint.substring(Math.max(0, primaryFingerprint.length() - 4));
    }
}
