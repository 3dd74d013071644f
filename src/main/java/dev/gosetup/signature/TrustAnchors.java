package dev.gosetup.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.util.encoders.Hex;

/**
 * The keys a signature must lead back to: Google's Linux packages signing key, which ships inside the app and
 * whose primary fingerprint is pinned here, and the keys IT adds for its own builds. Each anchor is one primary
 * key; a signature counts only when made by that key or by a subkey it validly binds.
 */
final class TrustAnchors {
    /** Google Inc. (Linux Packages Signing Authority): signs every archive on dl.google.com/go. */
    static final String GOOGLE_PRIMARY = "EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796";
    static final String GOOGLE_RESOURCE = "google-linux-packages.asc";
    static final String GOOGLE_NAME = "Google";
    /** A key block is a few kB to a few dozen (Google's, with its subkeys, is 15 kB); a bigger "key" is not one. */
    static final int MAX_KEY_BYTES = 1 << 20;

    /**
     * One trusted primary key.
     *
     * @param name      how the UI names the signer ("Google", or the key's first user ID)
     * @param ring      the key with its subkeys and signatures, as shipped or as IT's file has it
     * @param published where newer subkeys of this key are published (null: none, as for IT keys)
     */
    record Anchor(String name, PGPPublicKeyRing ring, List<URI> published) {
        String fingerprint() {
            return fingerprintOf(ring.getPublicKey());
        }
    }

    private final List<Anchor> anchors;

    TrustAnchors(List<Anchor> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    List<Anchor> all() {
        return anchors;
    }

    /**
     * Google's bundled key (refused when its primary fingerprint is not {@link #GOOGLE_PRIMARY}) and IT's key files.
     *
     * @param googleKey  the key block to pin (the bundled resource; tests give their own through {@link Endpoints})
     * @param googleFingerprint the fingerprint it must have
     * @param published  where Google publishes its key (newer subkeys)
     * @param extraKeys  IT's key files: each primary key in them becomes an anchor of its own
     */
    static TrustAnchors load(byte[] googleKey, String googleFingerprint, List<URI> published, List<Path> extraKeys)
            throws SignatureException {
        List<Anchor> out = new ArrayList<>();
        PGPPublicKeyRing google = rings(googleKey, "bundled").stream()
                .filter(r -> fingerprintOf(r.getPublicKey()).equals(googleFingerprint)).findFirst()
                .orElseThrow(() -> SignatureException.of("signature.anchor.mismatch", GOOGLE_RESOURCE, spaced(googleFingerprint)));
        out.add(new Anchor(GOOGLE_NAME, google, published));
        for (Path file : extraKeys) {
            byte[] bytes;
            try {
                if (Files.size(file) > MAX_KEY_BYTES) {
                    throw SignatureException.of("signature.anchor.unreadable", file);
                }
                bytes = Files.readAllBytes(file);
            } catch (SignatureException e) {
                throw e;
            } catch (IOException e) {
                throw new SignatureException(dev.gosetup.i18n.Problem.of("signature.anchor.unreadable", file), e);
            }
            for (PGPPublicKeyRing ring : rings(bytes, file.toString())) {
                out.add(new Anchor(firstUserId(ring.getPublicKey()), ring, List.of()));
            }
        }
        return new TrustAnchors(out);
    }

    /** Every key ring in an armored or binary key block; '#' lines before it (the bundled file's header) are skipped. */
    static List<PGPPublicKeyRing> rings(byte[] block, String source) throws SignatureException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(withoutHeader(block)))) {
            PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            List<PGPPublicKeyRing> rings = new ArrayList<>();
            collection.getKeyRings().forEachRemaining(rings::add);
            if (rings.isEmpty()) {
                throw SignatureException.of("signature.anchor.noKey", source);
            }
            return rings;
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof SignatureException se) {
                throw se;
            }
            throw new SignatureException(dev.gosetup.i18n.Problem.of("signature.anchor.noKey", source), e);
        }
    }

    private static byte[] withoutHeader(byte[] block) {
        int i = 0;
        while (i < block.length && block[i] == '#') {
            while (i < block.length && block[i] != '\n') {
                i++;
            }
            i++;
        }
        return i == 0 ? block : java.util.Arrays.copyOfRange(block, Math.min(i, block.length), block.length);
    }

    static String fingerprintOf(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** "EB4C 1BFD …", as gpg prints fingerprints and people compare them. */
    static String spaced(String fingerprint) {
        return fingerprint.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String firstUserId(PGPPublicKey key) {
        Iterator<byte[]> ids = key.getRawUserIDs();
        if (ids.hasNext()) {
            String id = new String(ids.next(), StandardCharsets.UTF_8);
            // Names come from a file: control characters never reach a terminal or a label.
            return id.replaceAll("\\p{Cntrl}", "?");
        }
        return spaced(fingerprintOf(key));
    }
}
