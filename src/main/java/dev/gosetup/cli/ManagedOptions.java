package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicySetting;

/**
 * Options that would change what IT locked in the policy are refused (exit 2), saying which file sets
 * it: an MDM script must not quietly install from another mirror than the one the company approved.
 */
final class ManagedOptions {
    private ManagedOptions() {}

    /** @throws IllegalArgumentException when {@code setting} is locked to a value other than {@code wanted} */
    static void refuseContradiction(AppContext context, PolicySetting setting, Object wanted, String option) {
        ManagedSettings managed = context.managed();
        if (wanted != null && managed.refuses(setting, wanted)) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.policy.locked", option, setting.jsonName,
                    managed.value(setting), managed.file().orElseThrow());
        }
    }
}
