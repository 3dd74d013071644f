package dev.gosetup.mirror.toolchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * golang.org/x/mod/sumdb/dirhash's Hash1, the "h1:" of go.sum: SHA-256 over the lines "SHA256HEX  NAME\n" of every
 * file, sorted by name (Go's byte order; for the ASCII names of a Go tree the same as String order, which is checked).
 */
public final class DirHash {
    private DirHash() {}

    /** @param sha256ByName file name (as in the zip, with the module@version prefix) → SHA-256 of its content */
    public static String hash1(Map<String, byte[]> sha256ByName) {
        MessageDigest summary = sha256();
        TreeMap<String, byte[]> sorted = new TreeMap<>(DirHash::compareUtf8);
        sorted.putAll(sha256ByName);
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            if (e.getKey().contains("\n")) {
                throw new IllegalArgumentException("file name with a newline"); // Hash1 refuses these too
            }
            summary.update((HexFormat.of().formatHex(e.getValue()) + "  " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** The "/go.mod h1:" of a module whose go.mod holds {@code goMod}: Hash1 over the single file "go.mod". */
    public static String goModHash(String goMod) {
        return hash1(Map.of("go.mod", sha256().digest(goMod.getBytes(StandardCharsets.UTF_8))));
    }

    static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
