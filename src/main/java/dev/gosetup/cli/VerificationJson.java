package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.install.VerificationRecord;
import dev.gosetup.signature.Verification;
import java.util.Locale;
import java.util.Optional;

/** How a version was verified, for install --json and list --json (stable field names scripts can read). */
final class VerificationJson {
    private VerificationJson() {}

    static ObjectNode of(Optional<VerificationRecord> record) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (record.isEmpty()) {
            o.put("recorded", false);
            o.put("signature", "unknown");
            return o;
        }
        VerificationRecord r = record.get();
        Verification v = r.verification();
        o.put("recorded", true);
        o.put("archive", r.archive());
        o.put("sha256", r.sha256());
        o.put("size", r.size());
        o.put("checkedAt", r.checkedAt().toString());
        o.put("signature", v.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (v.signed()) {
            o.put("signer", v.signer());
            o.put("primaryKey", v.primaryFingerprint());
            o.put("signingKey", v.signingKey());
            o.put("signedAt", v.signedAt() == null ? null : v.signedAt().toString());
        }
        if (v.signatureSource() != null) {
            o.put("signatureSource", v.signatureSource());
        }
        if (v.absence() != null) {
            o.put("absence", v.absence().jsonName());
        }
        return o;
    }
}
