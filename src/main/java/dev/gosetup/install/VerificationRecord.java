package dev.gosetup.install;

import dev.gosetup.signature.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What was verified of a version when it was installed, kept in its folder ({@code .gosetup-verified}, a small
 * properties file written into the staging folder before the commit, so a version never exists without it):
 * the archive, its SHA-256 and size, and what its OpenPGP signature said. {@code list}, the Installed page and
 * the doctor read it; a version without it (installed by an older gosetup or by hand) was never signature-checked.
 *
 * @param archive  the archive's file name
 * @param source   where it came from, without credentials
 * @param checkedAt when the check was made
 */
public record VerificationRecord(String archive, String source, String sha256, long size, Verification verification,
                                 Instant checkedAt) {
    public static final String FILE = ".gosetup-verified";
    /** A hand-edited or hostile file is small; anything bigger is not ours. */
    private static final int MAX_BYTES = 16 * 1024;

    void writeInto(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("archive", archive);
        p.setProperty("source", source);
        p.setProperty("sha256", sha256);
        p.setProperty("size", Long.toString(size));
        p.setProperty("checkedAt", checkedAt.toString());
        Verification v = verification;
        p.setProperty("signature", v.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        put(p, "signature.signer", v.signer());
        put(p, "signature.primaryKey", v.primaryFingerprint());
        put(p, "signature.signingKey", v.signingKey());
        put(p, "signature.signedAt", v.signedAt() == null ? null : v.signedAt().toString());
        put(p, "signature.source", v.signatureSource());
        put(p, "signature.absence", v.absence() == null ? null : v.absence().jsonName());
        StringWriter w = new StringWriter();
        p.store(w, "What Go Setup Assistant verified of this version when it installed it");
        Files.writeString(dir.resolve(FILE), w.toString(), StandardCharsets.ISO_8859_1);
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    /** The record in a version's folder; empty when there is none or it cannot be read as one. */
    public static Optional<VerificationRecord> readFrom(Path dir) {
        Path f = dir.resolve(FILE);
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_BYTES) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                p.load(in);
            }
            Verification.Outcome outcome = Verification.Outcome.valueOf(
                    p.getProperty("signature", "").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            String absence = p.getProperty("signature.absence");
            Verification.Absence why = null;
            for (Verification.Absence a : Verification.Absence.values()) {
                if (a.jsonName().equals(absence)) {
                    why = a;
                }
            }
            String signedAt = p.getProperty("signature.signedAt");
            Verification v = new Verification(outcome, p.getProperty("signature.signer"), p.getProperty("signature.primaryKey"),
                    p.getProperty("signature.signingKey"), signedAt == null ? null : Instant.parse(signedAt),
                    p.getProperty("signature.source"), why);
            return Optional.of(new VerificationRecord(p.getProperty("archive", ""), p.getProperty("source", ""),
                    p.getProperty("sha256", ""), Long.parseLong(p.getProperty("size", "-1")), v,
                    Instant.parse(p.getProperty("checkedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the version counts as never checked, which the doctor offers to fix
        }
    }

    /** Writes a record for a version already installed (the doctor's check of an older install). */
    public static void write(Path versionDir, VerificationRecord record) throws IOException {
        record.writeInto(versionDir);
    }

    /** One line for people: "SHA-256 ✓ · signed by Google (key …4796) ✓", or what is missing. */
    public static dev.gosetup.i18n.Text summary(Optional<VerificationRecord> record) {
        if (record.isEmpty()) {
            return dev.gosetup.i18n.Problem.of("verified.unknown");
        }
        Verification v = record.get().verification();
        return switch (v.outcome()) {
            case SIGNED -> dev.gosetup.i18n.Problem.of("verified.signed", v.signer(), v.shortKey());
            case NO_SIGNATURE -> v.absence() == Verification.Absence.UNREACHABLE
                    ? dev.gosetup.i18n.Problem.of("verified.unreachable", v.signatureSource())
                    : dev.gosetup.i18n.Problem.of("verified.unsigned", v.signatureSource());
            case NOT_CHECKED -> dev.gosetup.i18n.Problem.of("verified.off");
        };
    }

    /** Whether a good signature was checked: what the doctor asks of every version gosetup installed. */
    public static boolean signatureChecked(Optional<VerificationRecord> record) {
        return record.map(r -> r.verification().signed()).orElse(false);
    }
}
