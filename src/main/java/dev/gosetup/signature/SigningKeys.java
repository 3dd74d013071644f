package dev.gosetup.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Whether a key of a trusted ring may have made a data signature at a given time (RFC 4880 §5.2.1, §11.1;
 * RFC 9580 §5.2.3, §10.1): a subkey needs a valid binding signature from the primary key that allows signing
 * data, and — because it signs — a valid primary-key binding ("back") signature of its own inside it, so that
 * nobody can claim someone else's signing key as their subkey. The key must exist and not be expired at that
 * time, and neither it nor the primary key may be revoked (a "superseded" or "retired" revocation counts from
 * its date on; any other one always). Every signature consulted is verified, none is taken on trust.
 */
final class SigningKeys {
    private static final BcPGPContentVerifierBuilderProvider VERIFIERS = new BcPGPContentVerifierBuilderProvider();

    /** What is wrong with a key for a signature: a bundle key and the subkey's fingerprint. */
    record Refusal(String key, String fingerprint) {}

    private SigningKeys() {}

    /** @return empty when {@code key} (the primary of {@code ring} or one of its subkeys) could sign at {@code when} */
    static Optional<Refusal> check(PGPPublicKeyRing ring, PGPPublicKey key, Instant when) {
        PGPPublicKey primary = ring.getPublicKey();
        String fp = TrustAnchors.fingerprintOf(key);
        if (revokedAt(primary, primary, null, when)) {
            return Optional.of(new Refusal("signature.key.revoked", TrustAnchors.fingerprintOf(primary)));
        }
        PGPSignature self = newestSelfCertification(primary, when);
        if (self == null) {
            return Optional.of(new Refusal("signature.key.notBound", TrustAnchors.fingerprintOf(primary)));
        }
        if (expired(primary, self, when)) {
            return Optional.of(new Refusal("signature.key.expired", TrustAnchors.fingerprintOf(primary)));
        }
        if (key.getKeyID() == primary.getKeyID()) {
            return mayNotSign(self) ? Optional.of(new Refusal("signature.key.notForSigning", fp)) : Optional.empty();
        }
        if (revokedAt(key, primary, key, when)) {
            return Optional.of(new Refusal("signature.key.revoked", fp));
        }
        PGPSignature binding = binding(primary, key, when);
        if (binding == null) {
            return Optional.of(new Refusal("signature.key.notBound", fp));
        }
        if (mayNotSign(binding)) {
            return Optional.of(new Refusal("signature.key.notForSigning", fp));
        }
        if (!backSigned(primary, key, binding)) {
            return Optional.of(new Refusal("signature.key.noBackSignature", fp));
        }
        if (expired(key, binding, when)) {
            return Optional.of(new Refusal("signature.key.expired", fp));
        }
        return Optional.empty();
    }

    /** The primary's newest valid self-certification of one of its user IDs made at or before {@code when} (else its oldest). */
    private static PGPSignature newestSelfCertification(PGPPublicKey primary, Instant when) {
        List<PGPSignature> valid = new ArrayList<>();
        for (Iterator<byte[]> ids = primary.getRawUserIDs(); ids.hasNext(); ) {
            byte[] id = ids.next();
            for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it != null && it.hasNext(); ) {
                PGPSignature s = it.next();
                if (s.isCertification() && s.getKeyID() == primary.getKeyID() && acceptableHash(s)
                        && verifies(() -> {
                            s.init(VERIFIERS, primary);
                            return s.verifyCertification(id, primary);
                        })) {
                    valid.add(s);
                }
            }
        }
        return inEffect(valid, when);
    }

    /** The binding in effect at {@code when}: the newest valid one made by then, or else the oldest valid one. */
    private static PGPSignature binding(PGPPublicKey primary, PGPPublicKey subkey, Instant when) {
        List<PGPSignature> valid = new ArrayList<>();
        for (Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING); it.hasNext(); ) {
            PGPSignature s = it.next();
            if (s.getKeyID() == primary.getKeyID() && acceptableHash(s) && verifies(() -> {
                s.init(VERIFIERS, primary);
                return s.verifyCertification(primary, subkey);
            })) {
                valid.add(s);
            }
        }
        return inEffect(valid, when);
    }

    private static PGPSignature inEffect(List<PGPSignature> valid, Instant when) {
        Comparator<PGPSignature> byTime = Comparator.comparing(PGPSignature::getCreationTime);
        return valid.stream().filter(s -> !s.getCreationTime().toInstant().isAfter(when)).max(byTime)
                .orElseGet(() -> valid.stream().min(byTime).orElse(null));
    }

    /** The subkey's own signature over (primary, subkey), carried inside the binding: proof that it agreed. */
    private static boolean backSigned(PGPPublicKey primary, PGPPublicKey subkey, PGPSignature binding) {
        List<PGPSignatureSubpacketVector> areas = new ArrayList<>();
        if (binding.getHashedSubPackets() != null) {
            areas.add(binding.getHashedSubPackets());
        }
        if (binding.getUnhashedSubPackets() != null) {
            areas.add(binding.getUnhashedSubPackets()); // where gpg puts it; the binding's own hash does not cover it, the back-signature's does
        }
        for (PGPSignatureSubpacketVector area : areas) {
            PGPSignatureList embedded;
            try {
                embedded = area.getEmbeddedSignatures();
            } catch (PGPException e) {
                continue;
            }
            for (PGPSignature back : embedded) {
                if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING && back.getKeyID() == subkey.getKeyID()
                        && acceptableHash(back) && verifies(() -> {
                            back.init(VERIFIERS, subkey);
                            return back.verifyCertification(primary, subkey);
                        })) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Key flags present and without "sign data": a key for encryption or certification only. */
    private static boolean mayNotSign(PGPSignature certification) {
        PGPSignatureSubpacketVector h = certification.getHashedSubPackets();
        return h != null && h.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS) && (h.getKeyFlags() & KeyFlags.SIGN_DATA) == 0;
    }

    private static boolean expired(PGPPublicKey key, PGPSignature certification, Instant when) {
        Instant created = key.getCreationTime().toInstant();
        if (when.isBefore(created)) {
            return true; // a signature older than its key is not the key's
        }
        PGPSignatureSubpacketVector h = certification.getHashedSubPackets();
        long seconds = h == null ? 0 : h.getKeyExpirationTime();
        return seconds > 0 && !when.isBefore(created.plusSeconds(seconds));
    }

    /**
     * A valid revocation of {@code key} by {@code primary}: {@code subkey} null for the primary key's own. A
     * revocation saying the key was superseded or retired leaves earlier signatures good; any other (compromise,
     * or no reason) takes every signature back.
     */
    private static boolean revokedAt(PGPPublicKey key, PGPPublicKey primary, PGPPublicKey subkey, Instant when) {
        int type = subkey == null ? PGPSignature.KEY_REVOCATION : PGPSignature.SUBKEY_REVOCATION;
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
            PGPSignature r = it.next();
            if (r.getKeyID() != primary.getKeyID()) {
                continue; // revocation keys named by the primary are not honoured; only its own word counts
            }
            boolean valid = verifies(() -> {
                r.init(VERIFIERS, primary);
                return subkey == null ? r.verifyCertification(primary) : r.verifyCertification(primary, subkey);
            });
            if (!valid) {
                continue;
            }
            if (!soft(r) || !when.isBefore(r.getCreationTime().toInstant())) {
                return true;
            }
        }
        return false;
    }

    private static boolean soft(PGPSignature revocation) {
        PGPSignatureSubpacketVector h = revocation.getHashedSubPackets();
        RevocationReason reason = h == null ? null : (RevocationReason) h.getSubpacket(SignatureSubpacketTags.REVOCATION_REASON);
        if (reason == null) {
            return false;
        }
        byte code = reason.getRevocationReason();
        return code == RevocationReasonTags.KEY_SUPERSEDED || code == RevocationReasonTags.KEY_RETIRED;
    }

    /** MD5 is broken for everything; key certifications made with SHA-1 (older keys) are still accepted, as gpg does. */
    private static boolean acceptableHash(PGPSignature s) {
        return s.getHashAlgorithm() != HashAlgorithmTags.MD5;
    }

    /** Data signatures must use a collision-resistant hash. */
    static boolean strongDocumentHash(PGPSignature s) {
        int h = s.getHashAlgorithm();
        return h != HashAlgorithmTags.MD5 && h != HashAlgorithmTags.SHA1 && h != HashAlgorithmTags.RIPEMD160
                && h != HashAlgorithmTags.MD2 && h != HashAlgorithmTags.TIGER_192 && h != HashAlgorithmTags.HAVAL_5_160;
    }

    private interface Check {
        boolean run() throws PGPException;
    }

    /** A signature that cannot even be checked (unknown algorithm, broken packet) is simply not valid. */
    private static boolean verifies(Check check) {
        try {
            return check.run();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
