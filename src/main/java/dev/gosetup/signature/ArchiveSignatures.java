package dev.gosetup.signature;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Checks Go archives' detached OpenPGP signatures (FILE.asc) against Google's pinned key and IT's own keys, in
 * the same pass as the download: {@link #begin} fetches and judges the signature before the first byte, the
 * {@link Pending#sink()} takes every byte of the archive as it arrives, {@link Pending#finish()} gives the answer.
 *
 * <p>Where FILE.asc comes from: next to the archive (the same mirror or folder), else — for a mirror reached over
 * the network — from dl.google.com, where Google publishes it. A {@code file:} folder is never supplemented from
 * the network: an air-gapped site's folder holds its own .asc files (docs/provenance.md).
 *
 * <p>This class and its API carry no OpenPGP types: Bouncy Castle is loaded only when {@link #begin} finds a
 * signature to check, so the commands that do not verify start as fast as before.
 */
public final class ArchiveSignatures {
    private static final Logger LOG = Logger.getLogger(ArchiveSignatures.class.getName());
    private static final ArchiveSignatures OFF = new ArchiveSignatures(Strictness.OFF, List.of(), null, null);

    private final Strictness strictness;
    private final List<Path> extraKeys;
    private final SignatureFiles files;

    /**
     * @param extraKeys IT's key files (already checked for root trust by the settings): anchors beside Google's
     */
    public ArchiveSignatures(Strictness strictness, List<Path> extraKeys, Supplier<HttpClient> client, FetchPolicy policy) {
        this.strictness = strictness;
        this.extraKeys = List.copyOf(extraKeys);
        this.files = client == null ? null : new SignatureFiles(client, policy);
    }

    /** No signature is fetched or checked. */
    public static ArchiveSignatures off() {
        return OFF;
    }

    public Strictness strictness() {
        return strictness;
    }

    /** A check under way: feed it the archive, then ask. */
    public interface Pending {
        /** Where the archive's bytes go, each once, in order ({@link ByteSink#NONE} when nothing is checked). */
        ByteSink sink();

        /** After the last byte: how the archive was verified; a bad signature throws. */
        Verification finish() throws SignatureException;

        /**
         * The FILE.asc being checked, as it arrived (a mirror build stores it beside the archive once
         * {@link #finish()} has accepted it); empty when there is none.
         */
        default Optional<byte[]> signatureFile() {
            return Optional.empty();
        }
    }

    private record Settled(Verification verification) implements Pending {
        @Override
        public ByteSink sink() {
            return ByteSink.NONE;
        }

        @Override
        public Verification finish() {
            return verification;
        }
    }

    /**
     * Finds the archive's signature and the key that made it, before the archive is read.
     *
     * @param archive    where the archive comes from (https/http/file)
     * @param urlSegment the archive's file name as one URL path segment (for the dl.google.com fallback)
     * @throws SignatureException when the signature is unusable, its key not trusted, or none exists and one is required
     */
    public Pending begin(URI archive, String urlSegment) throws SignatureException {
        if (strictness == Strictness.OFF) {
            return new Settled(Verification.notChecked());
        }
        Endpoints endpoints = Endpoints.current();
        List<URI> places = new ArrayList<>();
        places.add(URI.create(archive + ".asc"));
        boolean local = "file".equalsIgnoreCase(archive.getScheme());
        if (!local && endpoints.fallbackBase() != null) {
            URI official = URI.create(endpoints.fallbackBase() + urlSegment + ".asc");
            if (!official.equals(places.getFirst())) {
                places.add(official);
            }
        }
        IOException unreachable = null;
        for (URI place : places) {
            String shown = UrlCredentials.withoutUserInfo(place).toString();
            Optional<byte[]> asc;
            try {
                asc = files.get(place, OpenPgpCheck.MAX_SIGNATURE_BYTES);
            } catch (SignatureException e) {
                throw e;
            } catch (IOException e) {
                LOG.info("Signature " + shown + " not available: " + e);
                unreachable = e;
                continue;
            }
            if (asc.isPresent()) {
                TrustAnchors anchors = TrustAnchors.load(endpoints.pinnedKey().get(), endpoints.pinnedFingerprint(),
                        endpoints.publishedKeys(), extraKeys);
                URI mirrorKey = URI.create(archive.toString().substring(0, archive.toString().lastIndexOf('/') + 1)
                        + "linux_signing_key.pub");
                OpenPgpCheck check = OpenPgpCheck.start(asc.get(), shown, anchors,
                        where -> files.get(where, TrustAnchors.MAX_KEY_BYTES), local ? List.of() : List.of(mirrorKey));
                return new Pending() {
                    @Override
                    public ByteSink sink() {
                        return check::update;
                    }

                    @Override
                    public Verification finish() throws SignatureException {
                        return check.finish(shown);
                    }

                    @Override
                    public Optional<byte[]> signatureFile() {
                        return Optional.of(asc.get().clone());
                    }
                };
            }
        }
        String tried = String.join(", ", places.stream().map(p -> UrlCredentials.withoutUserInfo(p).toString()).toList());
        if (strictness == Strictness.REQUIRED) {
            throw unreachable != null
                    ? new SignatureException(Problem.of("signature.required.unreachable", tried, unreachable.getMessage()), unreachable)
                    : SignatureException.of("signature.required.missing", tried);
        }
        return new Settled(Verification.noSignature(
                unreachable != null ? Verification.Absence.UNREACHABLE : Verification.Absence.NONE_PUBLISHED, tried));
    }
}
