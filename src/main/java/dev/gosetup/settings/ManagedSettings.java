package dev.gosetup.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The one place that answers "is this setting managed, is it locked, and by which file", and merges the
 * policy over the user's own settings: a locked value always wins; an unlocked one is a default the user
 * may override. {@link #NONE} when no policy applies.
 */
public final class ManagedSettings {
    public static final ManagedSettings NONE = new ManagedSettings(null, null, List.of());

    private final Path file;
    private final Policy policy;
    private final List<PolicyProblem> warnings;

    private ManagedSettings(Path file, Policy policy, List<PolicyProblem> warnings) {
        this.file = file;
        this.policy = policy;
        this.warnings = List.copyOf(warnings);
    }

    static ManagedSettings of(Path file, Policy policy, List<PolicyProblem> warnings) {
        return new ManagedSettings(file, policy, warnings);
    }

    /** Whether a policy applies at all. */
    public boolean active() {
        return policy != null;
    }

    /** The policy file, when one applies. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The policy as read (null when none applies). */
    public Policy policy() {
        return policy;
    }

    /** Unknown fields and the like: worth telling IT, not worth refusing the file. */
    public List<PolicyProblem> warnings() {
        return warnings;
    }

    public boolean managed(PolicySetting setting) {
        return policy != null && setting.isSetIn(policy);
    }

    public boolean locked(PolicySetting setting) {
        return managed(setting) && !policy.userMayChange().contains(setting.jsonName);
    }

    /** The settings this policy sets, in the order of {@link PolicySetting}. */
    public List<PolicySetting> managedSettings() {
        return Arrays.stream(PolicySetting.values()).filter(this::managed).toList();
    }

    /** The policy's value of a setting, or null. */
    public Object value(PolicySetting setting) {
        return managed(setting) ? setting.valueIn(policy) : null;
    }

    /** Whether the policy forbids {@code wanted} for this setting: it is locked to another value. */
    public boolean refuses(PolicySetting setting, Object wanted) {
        return locked(setting) && !setting.sameValue(setting.valueIn(policy), wanted);
    }

    public VersionRules versions() {
        return policy == null ? VersionRules.NONE
                : new VersionRules(policy.goVersion(), locked(PolicySetting.GO_VERSION), policy.allowedGoVersions());
    }

    /** What applies: the policy over the user's settings. CA certificates add up (they only ever add trust). */
    public Settings over(Settings user) {
        if (policy == null) {
            return user;
        }
        Settings out = user;
        for (PolicySetting s : PolicySetting.values()) {
            if (s.inSettings() && managed(s) && (locked(s) || s.sameValue(s.valueIn(user), null))) {
                out = s.replaceIn(out, s.valueIn(policy));
            }
        }
        LinkedHashSet<String> pems = new LinkedHashSet<>(policy.caCertificates());
        pems.addAll(user.caCertificates());
        // Signing keys add up the same way; a managed machine asks for signatures unless the policy says otherwise.
        LinkedHashSet<String> keys = new LinkedHashSet<>(policy.trustedSigningKeys());
        keys.addAll(out.signingKeys());
        String strictness = out.signatures() != null ? out.signatures()
                : dev.gosetup.signature.Strictness.defaultFor(true).jsonName;
        return out.withCaCertificates(new ArrayList<>(pems)).withSignatures(strictness, new ArrayList<>(keys));
    }

    /**
     * What to save of {@code chosen} (settings a face built from {@link #over}): locked values stay as the
     * user had them (they are not the user's), and a value equal to the policy's default is saved as "not
     * set", so that the user follows the policy when IT changes it later.
     */
    public Settings forSaving(Settings chosen, Settings saved) {
        if (policy == null) {
            return chosen;
        }
        Settings out = chosen;
        for (PolicySetting s : PolicySetting.values()) {
            if (!s.inSettings() || !managed(s)) {
                continue;
            }
            if (locked(s)) {
                out = s.replaceIn(out, s.valueIn(saved));
            } else if (s.sameValue(s.valueIn(chosen), s.valueIn(policy))) {
                out = s.replaceIn(out, null);
            }
        }
        List<String> own = new ArrayList<>(chosen.caCertificates());
        own.removeAll(policy.caCertificates());
        own.addAll(saved.caCertificates().stream().filter(p -> policy.caCertificates().contains(p)).toList());
        // The policy's keys and the managed default strictness are not the user's choices: not saved as theirs.
        List<String> ownKeys = new ArrayList<>(chosen.signingKeys());
        ownKeys.removeAll(policy.trustedSigningKeys());
        String strictness = managed(PolicySetting.SIGNATURES) ? out.signatures()
                : dev.gosetup.signature.Strictness.defaultFor(true).jsonName.equals(chosen.signatures()) ? saved.signatures()
                : chosen.signatures();
        return out.withCaCertificates(own).withSignatures(strictness, ownKeys);
    }
}
