package dev.gosetup.cli;

import java.util.Locale;

/** What {@code gosetup --version} prints: the app's module version, the Java runtime and the platform. */
public final class VersionText {
    private VersionText() {}

    public static String text() {
        Module module = VersionText.class.getModule();
        String v = module.getDescriptor() != null ? module.getDescriptor().rawVersion().orElse("dev") : "dev";
        return "gosetup " + v + " (Java " + Runtime.version() + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch").toLowerCase(Locale.ROOT) + ")";
    }
}
