package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosetup remove VERSION}: deletes an installed version, never the active one. */
@Command(name = "remove", mixinStandardHelpOptions = true)
public final class RemoveCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions sdk = new HomeOptions();

    @Parameters(index = "0", paramLabel = "VERSION", descriptionKey = "gosetup.remove.versionArg")
    String version;

    RemoveCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        GoVersion v = VersionArgument.parse(version, context.messages());
        SdkRoot root = sdk.sdk(context);
        try (var lock = root.lock("remove " + v.name())) {
            root.remove(v);
        }
        spec.commandLine().getOut().println(context.messages().get("cli.remove.done", v.name()));
        return ExitCodes.OK;
    }
}
