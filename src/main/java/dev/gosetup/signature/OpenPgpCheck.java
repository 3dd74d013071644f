package dev.gosetup.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.util.encoders.Hex;

/**
 * One detached signature, checked against the trusted keys while the archive's bytes go by: parsed and its key
 * found and judged before the download starts, fed every byte in order, verified at the end. The only class that
 * touches the signature packet; loaded only when a signature is checked (Bouncy Castle stays out of every other
 * command's start-up).
 */
final class OpenPgpCheck {
    private static final Logger LOG = Logger.getLogger(OpenPgpCheck.class.getName());
    /** A detached signature is a few hundred bytes; this leaves room for any key size and subpackets. */
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    /** Fetches a published key block, or empty when it is not there. */
    interface KeyFetcher {
        Optional<byte[]> fetch(URI where) throws IOException;
    }

    private final PGPSignature signature;
    private final TrustAnchors.Anchor anchor;
    private final PGPPublicKey key;
    private final String source;

    private OpenPgpCheck(PGPSignature signature, TrustAnchors.Anchor anchor, PGPPublicKey key, String source) {
        this.signature = signature;
        this.anchor = anchor;
        this.key = key;
        this.source = source;
    }

    /**
     * Reads the signature and finds the key that made it among the anchors (and, for a subkey newer than the
     * shipped key, among the subkeys the anchor publishes).
     *
     * @param source where the signature came from, for messages (no credentials)
     * @param extraPublished further places the anchors' keys are published (the mirror's copy), tried after theirs
     */
    static OpenPgpCheck start(byte[] asc, String source, TrustAnchors anchors, KeyFetcher fetcher, List<URI> extraPublished)
            throws SignatureException {
        PGPSignature sig = parse(asc, source);
        if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            throw SignatureException.of("signature.malformed", source);
        }
        if (!SigningKeys.strongDocumentHash(sig)) {
            throw SignatureException.of("signature.weakHash", source, sig.getHashAlgorithm());
        }
        Instant when = sig.getCreationTime().toInstant();
        byte[] issuerFp = issuerFingerprint(sig);
        String issuer = issuerFp != null ? Hex.toHexString(issuerFp).toUpperCase(Locale.ROOT)
                : String.format(Locale.ROOT, "%016X", sig.getKeyID());
        SigningKeys.Refusal refusal = null;
        for (TrustAnchors.Anchor anchor : anchors.all()) {
            PGPPublicKey key = find(anchor.ring(), sig, issuerFp);
            if (key != null) {
                Optional<SigningKeys.Refusal> r = SigningKeys.check(anchor.ring(), key, when);
                if (r.isEmpty()) {
                    return ready(sig, anchor, key, source);
                }
                refusal = r.get();
            }
        }
        // Not in the shipped rings (or refused there, e.g. a subkey since re-bound): the anchor's published copy.
        for (TrustAnchors.Anchor anchor : anchors.all()) {
            List<URI> places = new ArrayList<>(anchor.published());
            if (!anchor.published().isEmpty()) {
                places.addAll(extraPublished);
            }
            for (URI place : places) {
                Optional<byte[]> block;
                try {
                    block = fetcher.fetch(place);
                } catch (IOException e) {
                    LOG.info("Key " + dev.gosetup.fetch.UrlCredentials.withoutUserInfo(place) + " not available: " + e);
                    continue;
                }
                if (block.isEmpty()) {
                    continue;
                }
                List<PGPPublicKeyRing> rings;
                try {
                    rings = TrustAnchors.rings(block.get(), dev.gosetup.fetch.UrlCredentials.withoutUserInfo(place).toString());
                } catch (SignatureException e) {
                    LOG.info("Key " + dev.gosetup.fetch.UrlCredentials.withoutUserInfo(place) + " unreadable: " + e.getMessage());
                    continue;
                }
                for (PGPPublicKeyRing ring : rings) {
                    // Only the pinned primary key counts: its fingerprint is a hash of its key material, so the same
                    // fingerprint is the same key; its subkeys count only through the bindings SigningKeys checks.
                    if (!TrustAnchors.fingerprintOf(ring.getPublicKey()).equals(anchor.fingerprint())) {
                        continue;
                    }
                    PGPPublicKey key = find(ring, sig, issuerFp);
                    if (key != null) {
                        Optional<SigningKeys.Refusal> r = SigningKeys.check(ring, key, when);
                        if (r.isEmpty()) {
                            LOG.info("Signing key " + TrustAnchors.fingerprintOf(key) + " taken from " + dev.gosetup.fetch.UrlCredentials.withoutUserInfo(place)
                                    + " (bound to " + anchor.fingerprint() + ")");
                            return ready(sig, anchor, key, source);
                        }
                        refusal = r.get();
                    }
                }
            }
        }
        if (refusal != null) {
            throw SignatureException.of(refusal.key(), source, TrustAnchors.spaced(refusal.fingerprint()), when);
        }
        throw SignatureException.of("signature.key.unknown", source, issuer);
    }

    private static OpenPgpCheck ready(PGPSignature sig, TrustAnchors.Anchor anchor, PGPPublicKey key, String source)
            throws SignatureException {
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        } catch (PGPException e) {
            throw new SignatureException(dev.gosetup.i18n.Problem.of("signature.malformed", source), e);
        }
        return new OpenPgpCheck(sig, anchor, key, source);
    }

    /** Exactly one signature packet, nothing before or after it: anything else is not a Go release signature. */
    private static PGPSignature parse(byte[] asc, String source) throws SignatureException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(asc))) {
            BcPGPObjectFactory objects = new BcPGPObjectFactory(in);
            Object first = objects.nextObject();
            if (!(first instanceof PGPSignatureList list) || list.size() != 1 || objects.nextObject() != null) {
                throw SignatureException.of("signature.malformed", source);
            }
            return list.get(0);
        } catch (SignatureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SignatureException(dev.gosetup.i18n.Problem.of("signature.malformed", source), e);
        }
    }

    private static byte[] issuerFingerprint(PGPSignature sig) {
        for (PGPSignatureSubpacketVector v : new PGPSignatureSubpacketVector[] {sig.getHashedSubPackets(), sig.getUnhashedSubPackets()}) {
            IssuerFingerprint fp = v == null ? null : v.getIssuerFingerprint();
            if (fp != null) {
                return fp.getFingerprint();
            }
        }
        return null;
    }

    /** The ring's key the signature names: by issuer fingerprint when it gives one, else by its 64-bit key ID. */
    private static PGPPublicKey find(PGPPublicKeyRing ring, PGPSignature sig, byte[] issuerFp) {
        if (issuerFp != null) {
            PGPPublicKey k = ring.getPublicKey(issuerFp);
            return k != null && k.getKeyID() == sig.getKeyID() || k != null && sig.getKeyID() == 0 ? k : null;
        }
        return ring.getPublicKey(sig.getKeyID());
    }

    void update(byte[] b, int off, int len) {
        signature.update(b, off, len);
    }

    /** After the last byte: whether the signature covers exactly these bytes. */
    Verification finish(String shownSource) throws SignatureException {
        boolean good;
        try {
            good = signature.verify();
        } catch (PGPException | RuntimeException e) {
            throw new SignatureException(dev.gosetup.i18n.Problem.of("signature.bad", source, TrustAnchors.spaced(TrustAnchors.fingerprintOf(key))), e);
        }
        if (!good) {
            throw SignatureException.of("signature.bad", source, TrustAnchors.spaced(TrustAnchors.fingerprintOf(key)));
        }
        return Verification.signed(anchor.name(), anchor.fingerprint(), TrustAnchors.fingerprintOf(key),
                signature.getCreationTime().toInstant(), shownSource);
    }
}
