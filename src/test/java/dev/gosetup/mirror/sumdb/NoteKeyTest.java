package dev.gosetup.mirror.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Reported;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Go's signed-note keys and signatures, against golang.org/x/mod/sumdb/note's own test vectors. */
class NoteKeyTest {
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";

    @Test
    void theSignerKeyGivesGosVerifierKeyAndSignature() throws Exception {
        NoteKey key = NoteKey.parseSigner(SKEY).orElseThrow();
        assertThat(key.verifierKey()).isEqualTo(VKEY);
        assertThat(key.signerKey()).isEqualTo(SKEY);
        assertThat(key.toString()).doesNotContain("PRIVATE");
        // Ed25519 is deterministic: the same key and text give note_test.go's TestSign bytes exactly.
        assertThat(new String(SignedNote.sign(TEXT, key), StandardCharsets.UTF_8)).isEqualTo(TEXT + "\n"
                + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
    }

    @Test
    void aNoteOpensOnlyWithItsKeyAndUnchanged() throws Exception {
        NoteKey verifier = NoteKey.parseVerifier(VKEY).orElseThrow();
        byte[] signed = SignedNote.sign(TEXT, NoteKey.parseSigner(SKEY).orElseThrow());
        assertThat(SignedNote.open(signed, verifier)).isEqualTo(TEXT);

        byte[] changed = signed.clone();
        changed[3] ^= 1;
        assertThatThrownBy(() -> SignedNote.open(changed, verifier)).isInstanceOf(SumDbException.class)
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.note.unsigned");
        NoteKey stranger = NoteKey.generate("PeterNeumann");
        assertThatThrownBy(() -> SignedNote.open(signed, stranger.verifierOnly())).isInstanceOf(SumDbException.class);
        assertThatThrownBy(() -> SignedNote.open("no blank line\n".getBytes(StandardCharsets.UTF_8), verifier))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.note.malformed");
    }

    @Test
    void badKeysAreRefusedAsGoRefusesThem() {
        // note_test.go's bad keys: wrong length, unknown algorithm (hashes adjusted), and a wrong hash
        assertThat(NoteKey.parseVerifier("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")).isEmpty();
        assertThat(NoteKey.parseVerifier("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isEmpty();
        assertThat(NoteKey.parseVerifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isEmpty();
        assertThat(NoteKey.parseVerifier("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isEmpty();
        assertThat(NoteKey.parseSigner("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")).isEmpty();
        assertThat(NoteKey.parseSigner(VKEY)).isEmpty();
        assertThat(NoteKey.parseVerifier("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")).isPresent();
    }

    @Test
    void aGeneratedKeyRoundTrips() throws Exception {
        NoteKey key = NoteKey.generate("sumdb.example.internal");
        NoteKey again = NoteKey.parseSigner(key.signerKey()).orElseThrow();
        assertThat(again).isEqualTo(key);
        assertThat(NoteKey.parseVerifier(key.verifierKey()).orElseThrow()).isEqualTo(key.verifierOnly());
        assertThat(SignedNote.open(SignedNote.sign("x\n", again), key.verifierOnly())).isEqualTo("x\n");
    }
}
