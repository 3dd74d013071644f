package dev.gosetup;

import dev.gosetup.cli.GoSetupCommand;

/** Entry point of both faces: the command line, and with {@code gui} (or no arguments on a desktop) the window. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The OS proxy settings (Windows/macOS system proxy, GNOME) when no HTTPS_PROXY is set. Read once,
        // when the default ProxySelector is first made, so it must be set before anything touches the network.
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        AppContext context = AppContext.start();
        int exitCode = GoSetupCommand.run(context, args);
        System.exit(exitCode);
    }
}
