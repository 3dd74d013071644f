package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A key of Go's signed-note format (golang.org/x/mod/sumdb/note), Ed25519 only (algorithm byte 0x01):
 * verifier key {@code name+hash+base64(0x01‖public)}, signer key {@code PRIVATE+KEY+name+hash+base64(0x01‖seed)},
 * hash = the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01‖public). The JDK's own Ed25519 does the signing.
 *
 * @param seed null for a verifier-only key
 */
public record NoteKey(String name, byte[] publicKey, byte[] seed) {
    private static final byte ED25519 = 1;
    /** SubjectPublicKeyInfo prefix of an Ed25519 public key (RFC 8410): the JDK's X.509 form around the 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public NoteKey {
        if (!validName(name)) {
            throw new IllegalArgumentException("bad note key name");
        }
        publicKey = publicKey.clone();
        seed = seed == null ? null : seed.clone();
    }

    /** A fresh key pair for {@code name}. */
    public static NoteKey generate(String name) throws GeneralSecurityException {
        byte[] seed = new byte[32];
        SecureRandom.getInstanceStrong().nextBytes(seed);
        return fromSeed(name, seed);
    }

    /** Parses a signer key ("PRIVATE+KEY+…"); empty when the text is not one. */
    public static Optional<NoteKey> parseSigner(String text) {
        String t = text.strip();
        if (!t.startsWith("PRIVATE+KEY+")) {
            return Optional.empty();
        }
        return parse(t.substring("PRIVATE+KEY+".length())).flatMap(raw -> {
            try {
                NoteKey key = fromSeed(raw.name, raw.key);
                return key.hash() == raw.hash ? Optional.of(key) : Optional.empty();
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        });
    }

    /** Parses a verifier key ("name+hash+base64"); empty when the text is not one or its hash does not match. */
    public static Optional<NoteKey> parseVerifier(String text) {
        return parse(text.strip()).filter(raw -> raw.key.length == 32)
                .map(raw -> new NoteKey(raw.name, raw.key, null))
                .filter(key -> key.hash() == parse(text.strip()).orElseThrow().hash);
    }

    private record Raw(String name, int hash, byte[] key) {}

    private static Optional<Raw> parse(String text) {
        String[] parts = text.split("\\+", 3); // the base64 key may itself hold "+"
        if (parts.length != 3 || !validName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (key.length != 33 || key[0] != ED25519) {
            return Optional.empty();
        }
        return Optional.of(new Raw(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(key, 1, 33)));
    }

    /** Go's isValidName: not empty, no spaces, no '+'. */
    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(Character::isWhitespace) && !name.contains("+")
                && name.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static NoteKey fromSeed(String name, byte[] seed) throws GeneralSecurityException {
        // The JDK derives the public key only while generating a pair; a generator fed exactly the seed as its
        // randomness yields the pair of that seed (RFC 8032: the private key is the 32 random bytes).
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        return new NoteKey(name, Arrays.copyOfRange(x509, x509.length - 32, x509.length), seed);
    }

    public boolean canSign() {
        return seed != null;
    }

    /** The 4-byte key hash, as an int. */
    public int hash() {
        byte[] sum = Tlog.sha256().digest(concat((name + "\n").getBytes(StandardCharsets.UTF_8), encodedPublic()));
        return ByteBuffer.wrap(sum).getInt();
    }

    public String verifierKey() {
        return name + "+" + "%08x".formatted(hash()) + "+" + Base64.getEncoder().encodeToString(encodedPublic());
    }

    public String signerKey() {
        if (seed == null) {
            throw new IllegalStateException("verifier-only key");
        }
        return "PRIVATE+KEY+" + name + "+" + "%08x".formatted(hash()) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, seed));
    }

    public NoteKey verifierOnly() {
        return new NoteKey(name, publicKey, null);
    }

    byte[] sign(byte[] message) throws SumDbException {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new SumDbException(Problem.of("sumdb.key.unusable", name), e);
        }
    }

    boolean verify(byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] encodedPublic() {
        return concat(new byte[] {ED25519}, publicKey);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteKey k && k.name.equals(name) && Arrays.equals(k.publicKey, publicKey) && Arrays.equals(k.seed, seed);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey(); // never the seed, not even in a log line
    }

    /** Randomness that is exactly the given bytes, then zeros: only for deriving a key pair from its seed. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;
        private int used;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = used < bytes.length ? bytes[used++] : 0;
            }
        }
    }
}
