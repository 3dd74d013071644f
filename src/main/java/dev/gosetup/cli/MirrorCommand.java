package dev.gosetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gosetup mirror}: build and check a company mirror of Go's downloads (docs/it-guide.md, "A company Go mirror"). */
@Command(name = "mirror", mixinStandardHelpOptions = true, subcommands = {MirrorBuildCommand.class, MirrorVerifyCommand.class, MirrorClientEnvCommand.class})
public final class MirrorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut()); // "gosetup mirror" alone: what it can do
    }
}
