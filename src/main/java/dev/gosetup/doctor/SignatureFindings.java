package dev.gosetup.doctor;

import dev.gosetup.install.VerificationRecord;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.Source;
import dev.gosetup.signature.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versions in gosetup's install root whose origin was never proven by Google's signature: installed before gosetup
 * checked signatures (no record), or installed while none was available or checking was off. Each gets a finding
 * with the fix that checks it now (fetch the archive and its signature again, compare the installed files). Reads
 * each version's small record file, so it runs with the gathering, not among the pure checks.
 */
final class SignatureFindings {
    static final String ID = "version-not-signature-checked";

    private SignatureFindings() {}

    static List<Finding> check(List<InventoryEntry> inventory) {
        List<Finding> out = new ArrayList<>();
        int checked = 0;
        for (InventoryEntry e : inventory) {
            if (e.install().source() != Source.SDK || e.install().version() == null) {
                continue;
            }
            Optional<VerificationRecord> record = VerificationRecord.readFrom(e.install().root());
            if (VerificationRecord.signatureChecked(record)) {
                checked++;
                continue;
            }
            String why = record.map(r -> r.verification().outcome() == Verification.Outcome.NOT_CHECKED ? "off" : "none")
                    .orElse("never");
            // The folder's name is the version gosetup installed there (VERSION inside may have been changed since).
            // The check needs the archive for bin/go's platform: a go whose header cannot be read gets no fix offered.
            Finding.Fix fix = checkable(e.install().root()) ? Finding.Fix.CHECK_SIGNATURE : null;
            out.add(Finding.warn(ID, "doctor.unsigned." + why, fix,
                    e.install().root().getFileName().toString(), e.install().root().toString()));
        }
        if (out.isEmpty() && checked > 0) {
            out.add(Finding.ok(ID, "doctor.unsigned", Integer.toString(checked)));
        }
        return out;
    }

    private static boolean checkable(java.nio.file.Path root) {
        java.nio.file.Path bin = root.resolve("bin");
        return dev.gosetup.install.BinaryPlatform.single(bin.resolve("go")).isPresent()
                || dev.gosetup.install.BinaryPlatform.single(bin.resolve("go.exe")).isPresent();
    }
}
