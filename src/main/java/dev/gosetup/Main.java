package dev.gosetup;

import dev.gosetup.cli.GoSetupCommand;

/** Entry point of both faces: the command line, and with {@code gui} (or no arguments on a desktop) the window. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The one command that needs nothing else: no log, settings, policy, proxy or command model. It is
            // what scripts and package checks run, so it should cost the JVM's start and no more (3,450 classes
            // loaded through the full path, docs/benchmarks.md).
            System.out.println(dev.gosetup.cli.VersionText.text());
            return;
        }
        if (dev.gosetup.cli.GuiCommand.opensWindow(args)) {
            dev.gosetup.ui.EarlyToolkit.begin(); // starts while the settings and the command line are read
        }
        // The OS proxy settings (Windows/macOS system proxy, GNOME) when no HTTPS_PROXY is set. Read once,
        // when the default ProxySelector is first made, so it must be set before anything touches the network.
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        dev.gosetup.fetch.HttpClients.allowProxyBasicForTunnels();
        useRuntimeNativeLibraries();
        AppContext context = AppContext.start(homeArgument(args));
        int exitCode = GoSetupCommand.run(context, args);
        if (Boolean.getBoolean("gosetup.training")) {
            // An AOT training run (src/build/WriteLauncher.java, InstallerInputs.java) has done its command (an install,
            // or the window); the commands people type most are recorded too, so that they start from the cache.
            GoSetupCommand.rehearse(context, homeArgument(args));
        }
        System.exit(exitCode);
    }

    /**
     * --home DIR, looked for before the command line is parsed: the log is opened at start, and with --home it
     * belongs in DIR, not in the running account's folders. A value that is not a folder is left to the parser,
     * which refuses it.
     */
    static java.nio.file.Path homeArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals("--home") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--home=") ? args[i].substring("--home=".length()) : null;
            if (value != null && !value.isBlank() && java.nio.file.Files.isDirectory(java.nio.file.Path.of(value))) {
                return java.nio.file.Path.of(value);
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        return null;
    }

    /**
     * In an installed image (jpackage; src/build/InstallerInputs.java) JNA's dispatch library sits in the
     * runtime's own native folder beside JavaFX's, and the image sets jna.nounpack so JNA never unpacks a
     * copy into a temporary folder. JNA looks in jna.boot.library.path first; that folder is the JVM's
     * sun.boot.library.path (lib/ on Linux and macOS, bin\ on Windows), known only at run time.
     */
    private static void useRuntimeNativeLibraries() {
        if (Boolean.getBoolean("jna.nounpack") && System.getProperty("jna.boot.library.path") == null) {
            System.setProperty("jna.boot.library.path", System.getProperty("sun.boot.library.path", ""));
        }
    }
}
