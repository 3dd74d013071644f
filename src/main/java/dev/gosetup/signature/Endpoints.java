package dev.gosetup.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fixed points of signature checking: the key to pin and its fingerprint, where its owner publishes it, and
 * where signatures are fetched when a mirror has none. Production values only; tests swap them through
 * {@link #useForTests} (package-private, reached from test code in this package — no option, property or file
 * a user controls can change them).
 *
 * @param pinnedKey         the key block to pin
 * @param pinnedFingerprint the primary fingerprint that block must have
 * @param publishedKeys     where the pinned key's owner publishes it (newer subkeys)
 * @param fallbackBase      where FILE.asc is fetched when the mirror has none (null: nowhere)
 */
record Endpoints(Supplier<byte[]> pinnedKey, String pinnedFingerprint, List<URI> publishedKeys, URI fallbackBase) {
    static final Endpoints PRODUCTION = new Endpoints(Endpoints::bundledGoogleKey, TrustAnchors.GOOGLE_PRIMARY,
            List.of(URI.create("https://dl.google.com/linux/linux_signing_key.pub")), URI.create("https://dl.google.com/go/"));

    private static volatile Endpoints current = PRODUCTION;

    static Endpoints current() {
        return current;
    }

    /** Test seam: another trust anchor and other places (a loopback server); {@code null} restores production. */
    static void useForTests(Endpoints endpoints) {
        current = endpoints == null ? PRODUCTION : endpoints;
    }

    static byte[] bundledGoogleKey() {
        try (InputStream in = Endpoints.class.getResourceAsStream(TrustAnchors.GOOGLE_RESOURCE)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(TrustAnchors.GOOGLE_RESOURCE); // a broken build, never a user's doing
            }
            return in.readNBytes(TrustAnchors.MAX_KEY_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
