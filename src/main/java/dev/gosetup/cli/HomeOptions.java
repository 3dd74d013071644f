package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.InstallRootChoice;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.files.ProcessUser;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --home and --sdk-root: every command that touches the user's home or the install root. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR", descriptionKey = "gosetup.opt.home")
    Path home;

    @Option(names = "--sdk-root", paramLabel = "DIR", descriptionKey = "gosetup.opt.sdkRoot")
    Path sdkRoot;

    Path home() {
        return home != null ? home : dev.gosetup.settings.UserHome.current();
    }

    /**
     * The install root: --sdk-root (refused when the policy locks another), else the policy's, else ~/sdk;
     * as root on a managed machine the system-wide root (see {@link InstallRootChoice}).
     */
    SdkRoot sdk(AppContext context) {
        return new SdkRoot(sdkRootPath(context));
    }

    Path sdkRootPath(AppContext context) {
        if (sdkRoot != null) {
            ManagedOptions.refuseContradiction(context, PolicySetting.SDK_ROOT, sdkRoot.toAbsolutePath().normalize().toString(), "--sdk-root");
            return sdkRoot;
        }
        return chosenByRule(context);
    }

    /** The install root by {@link InstallRootChoice}, for a run without --sdk-root. */
    Path chosenByRule(AppContext context) {
        // With --home the run acts for that account, root or not: its ~/sdk, unless a policy locks another root.
        return InstallRootChoice.choose(home == null && ProcessUser.isMachineAccount(), context.managed(), context.settings(), home(), home == null);
    }

    /** The install root when one was given or the policy names one; null to leave the choice to the caller. */
    Path chosenSdkRoot(AppContext context) {
        return sdkRoot != null || context.managed().active() ? sdkRootPath(context) : null;
    }
}
