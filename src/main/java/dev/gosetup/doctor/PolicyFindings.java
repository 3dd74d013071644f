package dev.gosetup.doctor;

import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicyException;
import dev.gosetup.settings.PolicyLocation;
import dev.gosetup.settings.PolicyProblem;
import dev.gosetup.settings.PolicySetting;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health check "which managed policy is in use": the file, what it sets (and whether users may change
 * each), its warnings; or why it cannot be used. Made by the faces, which know the language the policy's
 * own problem texts are said in.
 */
public final class PolicyFindings {
    public static final String ID = "policy";

    private PolicyFindings() {}

    public static Finding of(ManagedSettings managed, Optional<PolicyException> broken, Messages m, String osName,
                             Map<String, String> env) {
        if (broken.isPresent()) {
            PolicyProblem p = broken.get().policyProblem();
            return Finding.fail(ID, "doctor.policyBroken", null, p.file().toString(), p.problem());
        }
        if (!managed.active()) {
            return Finding.ok(ID, "doctor.policyNone", PolicyLocation.osLocation(osName, env).toString());
        }
        String file = managed.file().orElseThrow().toString();
        String sets = summary(managed, m);
        if (!managed.warnings().isEmpty()) {
            return Finding.warn(ID, "doctor.policyWarnings", null, file, sets,
                    managed.warnings().stream().map(PolicyProblem::problem) // one a line, worded by the face
                            .reduce((first, rest) -> dev.gosetup.i18n.Problem.of("doctor.lines", first, rest)).orElseThrow());
        }
        return Finding.ok(ID, "doctor.policy", file, sets);
    }

    /** "goVersion = 1.22.5 (locked), GOPROXY = https://goproxy.cn (users may change)". */
    static String summary(ManagedSettings managed, Messages m) {
        List<String> parts = new java.util.ArrayList<>();
        for (PolicySetting s : managed.managedSettings()) {
            Object v = managed.value(s);
            String value = v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
            parts.add(m.get(managed.locked(s) ? "doctor.policy.setting.locked" : "doctor.policy.setting.userMay", s.jsonName, value));
        }
        if (!managed.policy().allowedGoVersions().isEmpty()) {
            parts.add(m.get("doctor.policy.setting.allowed", String.join(", ", managed.policy().allowedGoVersions())));
        }
        if (!managed.policy().caCertificates().isEmpty()) {
            parts.add(m.get("doctor.policy.setting.ca", String.join(", ", managed.policy().caCertificates())));
        }
        if (!managed.policy().trustedSigningKeys().isEmpty()) {
            parts.add(m.get("doctor.policy.setting.locked", "trustedSigningKeys", String.join(", ", managed.policy().trustedSigningKeys())));
        }
        return parts.isEmpty() ? m.get("doctor.policy.setting.nothing") : String.join(m.get("list.partSeparator"), parts);
    }
}
