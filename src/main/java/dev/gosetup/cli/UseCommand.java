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
        GoVersion typed = VersionArgument.parse(version, context.messages());
        SdkRoot root = sdk.sdk(context);
        // "1.22" means that line's newest installed patch, as "install 1.22" means its newest release; a version
        // installed under exactly that name (go1.20, from before Go named its first release go1.21.0) wins.
        GoVersion v = typed;
        if (GoVersion.namesALine(version) && !root.isInstalled(typed)) {
            v = root.newestInstalledOfLine(typed.line()).orElse(typed);
        }
        if (!context.managed().versions().permits(v)) {
            throw InstallCommand.notAllowed(context, v);
        }
        root.activate(v);
        spec.commandLine().getOut().println(context.messages().get("cli.use.done", v.name(), root.path().resolve("go")));
        return ExitCodes.OK;
    }
}
