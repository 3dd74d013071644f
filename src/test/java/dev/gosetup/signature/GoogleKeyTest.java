package dev.gosetup.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The key that ships inside the app, as Debian's extrepo-offline-data carries it: its primary fingerprint is the
 * one golang/go issues 14739 and 38910 name, and each of its signing subkeys is validly bound (binding and back
 * signature) for exactly its lifetime — checked with the same code that judges a Go archive's signing key.
 */
class GoogleKeyTest {
    private static final String PRIMARY = "EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796";

    private static PGPPublicKeyRing google() throws SignatureException {
        TrustAnchors anchors = TrustAnchors.load(Endpoints.bundledGoogleKey(), PRIMARY, List.of(), List.of());
        assertThat(anchors.all()).hasSize(1);
        assertThat(anchors.all().getFirst().name()).isEqualTo("Google");
        return anchors.all().getFirst().ring();
    }

    private static PGPPublicKey subkey(PGPPublicKeyRing ring, String fingerprint) {
        PGPPublicKey k = ring.getPublicKey(Hex.decode(fingerprint));
        assertThat(k).as(fingerprint).isNotNull();
        return k;
    }

    @Test
    void theBundledKeyIsGooglesLinuxPackagesKey() throws Exception {
        assertThat(TrustAnchors.GOOGLE_PRIMARY).isEqualTo(PRIMARY);
        assertThat(Endpoints.PRODUCTION.pinnedFingerprint()).isEqualTo(PRIMARY);
        PGPPublicKeyRing ring = google();
        assertThat(TrustAnchors.fingerprintOf(ring.getPublicKey())).isEqualTo(PRIMARY);
        assertThat(new String(ring.getPublicKey().getRawUserIDs().next(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Google Inc. (Linux Packages Signing Authority) <linux-packages-keymaster@google.com>");
        assertThat(new String(Endpoints.bundledGoogleKey(), java.nio.charset.StandardCharsets.UTF_8))
                .as("the header says where the key came from").contains("extrepo-offline-data", "1.0.3+deb12u1",
                        "/usr/share/extrepo/offline-data/debian/bookworm/google_chrome.asc");
    }

    @Test
    void aBundledKeyWithAnotherFingerprintIsRefused() {
        assertThatThrownBy(() -> TrustAnchors.load(Endpoints.bundledGoogleKey(), "0".repeat(40), List.of(), List.of()))
                .isInstanceOf(SignatureException.class)
                .satisfies(e -> assertThat(((SignatureException) e).problem().key()).isEqualTo("signature.anchor.mismatch"));
    }

    @Test
    void eachSigningSubkeyIsBoundForItsLifetimeOnly() throws Exception {
        PGPPublicKeyRing ring = google();
        // gpg --show-keys: the subkey, a day in its life, and a day after it expired.
        String[][] subkeys = {
            {"3B068FB4789ABE4AEFA3BB491397BC53640DB551", "2017-06-01T00:00:00Z", "2019-06-01T00:00:00Z"},
            {"3E50F6D3EC278FDEB655C8CA6494C6D6997C215E", "2018-06-01T00:00:00Z", "2020-06-01T00:00:00Z"},
            {"2F528D36D67B69EDF998D85778BD65473CB3BD13", "2020-06-01T00:00:00Z", "2022-09-01T00:00:00Z"},
            {"8461EFA0E74ABAE010DE66994EB27DB2A3B88B8B", "2023-04-11T00:00:00Z", "2024-11-01T00:00:00Z"},
            {"A5F483CD733A4EBAEA378B2AE88979FB9B30ACF2", "2024-06-01T00:00:00Z", "2026-03-01T00:00:00Z"},
            {"0F06FF86BEEAF4E71866EE5232EE5355A6BC6E42", "2025-06-01T00:00:00Z", "2027-02-01T00:00:00Z"},
        };
        for (String[] s : subkeys) {
            PGPPublicKey k = subkey(ring, s[0]);
            assertThat(SigningKeys.check(ring, k, Instant.parse(s[1]))).as(s[0] + " at " + s[1]).isEmpty();
            assertThat(SigningKeys.check(ring, k, Instant.parse(s[2]))).as(s[0] + " at " + s[2])
                    .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("signature.key.expired"));
            assertThat(SigningKeys.check(ring, k, Instant.parse("2016-01-01T00:00:00Z"))).as("before it existed").isPresent();
        }
    }
}
