package dev.gosetup.cli;

import dev.gosetup.install.SdkRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --home and --sdk-root: every command that touches the user's home or the install root. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR", descriptionKey = "gosetup.opt.home")
    Path home;

    @Option(names = "--sdk-root", paramLabel = "DIR", descriptionKey = "gosetup.opt.sdkRoot")
    Path sdkRoot;

    Path home() {
        return home != null ? home : Path.of(System.getProperty("user.home"));
    }

    SdkRoot sdk() {
        return sdkRoot != null ? new SdkRoot(sdkRoot) : SdkRoot.inHome(home());
    }
}
