package dev.gosetup.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicSubkeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Real OpenPGP keys made for a test with Bouncy Castle: a primary key (the test's trust anchor) and signing subkeys
 * bound to it as gpg binds them (binding signature with key flags and an embedded back-signature), or bound wrongly
 * on purpose. Signs files as Google signs Go's archives: a detached, armored, binary-document signature.
 */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair and the public key as it appears in a ring (with its certifications). */
    public record Key(PGPKeyPair pair, PGPPublicKey published) {
        public String fingerprint() {
            return TrustAnchors.fingerprintOf(published);
        }
    }

    public final Key primary;
    private PGPPublicKeyRing ring;

    /** A new primary key with a self-certified user ID, made {@code age} ago. */
    public TestKeys(String userId, Duration age) throws Exception {
        PGPKeyPair pair = rsa(Instant.now().minus(age), false);
        PGPSignatureGenerator g = generator(pair);
        g.init(PGPSignature.POSITIVE_CERTIFICATION, pair.getPrivateKey());
        PGPSignatureSubpacketGenerator h = new PGPSignatureSubpacketGenerator();
        h.setSignatureCreationTime(false, Date.from(Instant.now().minus(age)));
        h.setKeyFlags(false, KeyFlags.CERTIFY_OTHER);
        h.setIssuerFingerprint(false, pair.getPublicKey());
        g.setHashedSubpackets(h.generate());
        PGPSignature cert = g.generateCertification(userId, pair.getPublicKey());
        PGPPublicKey pub = PGPPublicKey.addCertification(pair.getPublicKey(), userId, cert);
        this.primary = new Key(pair, pub);
        this.ring = new PGPPublicKeyRing(List.of(pub));
    }

    public PGPPublicKeyRing ring() {
        return ring;
    }

    /**
     * A signing subkey bound to this primary key.
     *
     * @param age      how long ago the subkey was made
     * @param lifetime its validity from creation (null: no expiry)
     * @param backSign whether the binding carries the subkey's primary-key binding signature
     */
    public Key addSigningSubkey(Duration age, Duration lifetime, boolean backSign) throws Exception {
        PGPKeyPair sub = rsa(Instant.now().minus(age), true);
        PGPPublicKey bound = bind(primary.pair(), sub, lifetime, backSign);
        ring = PGPPublicKeyRing.insertPublicKey(ring, bound);
        return new Key(sub, bound);
    }

    /** Revokes a subkey of this ring (reason: compromised, so every signature of it is void). */
    public void revoke(Key subkey) throws Exception {
        PGPSignatureGenerator g = generator(primary.pair());
        g.init(PGPSignature.SUBKEY_REVOCATION, primary.pair().getPrivateKey());
        PGPSignatureSubpacketGenerator h = new PGPSignatureSubpacketGenerator();
        h.setSignatureCreationTime(false, new Date());
        h.setRevocationReason(false, RevocationReasonTags.KEY_COMPROMISED, "test");
        h.setIssuerFingerprint(false, primary.pair().getPublicKey());
        g.setHashedSubpackets(h.generate());
        PGPSignature rev = g.generateCertification(primary.pair().getPublicKey(), subkey.published());
        PGPPublicKey revoked = PGPPublicKey.addCertification(ring.getPublicKey(subkey.published().getKeyID()), rev);
        ring = PGPPublicKeyRing.insertPublicKey(ring, revoked);
    }

    /** This ring's primary key with {@code foreign}'s subkey as it is bound there: a claim the primary never made. */
    public PGPPublicKeyRing withForeignSubkey(Key foreign) {
        return PGPPublicKeyRing.insertPublicKey(ring, foreign.published());
    }

    public byte[] armored() throws IOException {
        return armor(ring.getEncoded());
    }

    public static byte[] armored(PGPPublicKeyRing ring) throws IOException {
        return armor(ring.getEncoded());
    }

    /** Signs {@code file} with {@code key} as Go's archives are signed: SHA-512, binary document, armored. */
    public static byte[] sign(Key key, Path file) throws Exception {
        PGPSignatureGenerator g = generator(key.pair());
        g.init(PGPSignature.BINARY_DOCUMENT, key.pair().getPrivateKey());
        PGPSignatureSubpacketGenerator h = new PGPSignatureSubpacketGenerator();
        h.setSignatureCreationTime(false, new Date());
        h.setIssuerFingerprint(false, key.pair().getPublicKey());
        g.setHashedSubpackets(h.generate());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                g.update(buf, 0, n);
            }
        }
        return armor(g.generate().getEncoded());
    }

    /** Installs this key as the only trust anchor, with its published copy at {@code published} (null: none). */
    public void trustOnly(URI published) throws IOException {
        byte[] block = armored();
        String fp = primary.fingerprint();
        Endpoints.useForTests(new Endpoints(() -> block, fp, published == null ? List.of() : List.of(published), null));
    }

    /** Back to what tests start with: the production key, nothing fetched from Google (TestSignatureSeam). */
    public static void reset() {
        TestSignatureSeam.install();
    }

    private static byte[] armor(byte[] encoded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ArmoredOutputStream(bytes)) {
            out.write(encoded);
        }
        return bytes.toByteArray();
    }

    private static PGPPublicKey bind(PGPKeyPair primary, PGPKeyPair sub, Duration lifetime, boolean backSign) throws PGPException {
        PGPSignatureSubpacketGenerator h = new PGPSignatureSubpacketGenerator();
        h.setSignatureCreationTime(false, sub.getPublicKey().getCreationTime());
        h.setKeyFlags(false, KeyFlags.SIGN_DATA);
        h.setIssuerFingerprint(false, primary.getPublicKey());
        if (lifetime != null) {
            h.setKeyExpirationTime(false, lifetime.toSeconds());
        }
        if (backSign) {
            PGPSignatureGenerator back = generator(sub);
            back.init(PGPSignature.PRIMARYKEY_BINDING, sub.getPrivateKey());
            PGPSignatureSubpacketGenerator bh = new PGPSignatureSubpacketGenerator();
            bh.setSignatureCreationTime(false, sub.getPublicKey().getCreationTime());
            back.setHashedSubpackets(bh.generate());
            try {
                h.addEmbeddedSignature(false, back.generateCertification(primary.getPublicKey(), sub.getPublicKey()));
            } catch (IOException e) {
                throw new PGPException("embedding", e);
            }
        }
        PGPSignatureGenerator g = generator(primary);
        g.init(PGPSignature.SUBKEY_BINDING, primary.getPrivateKey());
        g.setHashedSubpackets(h.generate());
        PGPSignature binding = g.generateCertification(primary.getPublicKey(), sub.getPublicKey());
        return PGPPublicKey.addCertification(sub.getPublicKey(), binding);
    }

    private static PGPSignatureGenerator generator(PGPKeyPair pair) {
        return new PGPSignatureGenerator(new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                pair.getPublicKey());
    }

    private static PGPKeyPair rsa(Instant created, boolean subkey) throws PGPException {
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), RANDOM, 2048, 80));
        BcPGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, g.generateKeyPair(), Date.from(created));
        if (!subkey) {
            return pair;
        }
        // The same key material as a subkey packet: what a ring carries after its primary key.
        PGPPublicKey pub = pair.getPublicKey();
        PublicSubkeyPacket packet = new PublicSubkeyPacket(pub.getVersion(), pub.getAlgorithm(), pub.getCreationTime(),
                pub.getPublicKeyPacket().getKey());
        PGPPublicKey subPub = new PGPPublicKey(packet, new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
        return new PGPKeyPair(subPub, pair.getPrivateKey());
    }
}
