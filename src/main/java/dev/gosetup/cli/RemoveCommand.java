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
        // Removing takes an exact version: "1.23" could mean several. Say which are installed rather than "not installed".
        if (GoVersion.namesALine(version) && !root.isInstalled(v)) {
            java.util.List<String> ofLine = root.installed().stream().filter(i -> i.line().equals(v.line())).map(GoVersion::name).toList();
            if (!ofLine.isEmpty()) {
                throw new dev.gosetup.i18n.ProblemArgumentException("cli.remove.whichPatch", v.name(), String.join(", ", ofLine),
                        ofLine.getFirst().replaceFirst("^go", ""));
            }
        }
        try (var lock = root.lock("remove " + v.name())) {
            root.remove(v);
        }
        spec.commandLine().getOut().println(context.messages().get("cli.remove.done", v.name()));
        return ExitCodes.OK;
    }
}
