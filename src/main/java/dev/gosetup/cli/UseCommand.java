package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosetup use VERSION}: makes an installed version the active one (the ~/sdk/go link). */
@Command(name = "use", mixinStandardHelpOptions = true)
public final class UseCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions sdk = new HomeOptions();

    @Parameters(index = "0", paramLabel = "VERSION", descriptionKey = "gosetup.use.versionArg")
    String version;

    UseCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        GoVersion v = VersionArgument.parse(version, context.messages());
        if (!context.managed().versions().permits(v)) {
            throw InstallCommand.notAllowed(context, v);
        }
        SdkRoot root = sdk.sdk(context);
        root.activate(v);
        spec.commandLine().getOut().println(context.messages().get("cli.use.done", v.name(), root.path().resolve("go")));
        return ExitCodes.OK;
    }
}
