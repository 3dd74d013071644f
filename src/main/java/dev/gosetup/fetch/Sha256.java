package dev.gosetup.fetch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the bytes pass by. */
final class Sha256 {
    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
