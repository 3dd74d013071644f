package dev.gosetup.cli;

import dev.gosetup.AppContext;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code gosetup gui}: opens the window. */
@Command(name = "gui", mixinStandardHelpOptions = true)
public final class GuiCommand implements Runnable {
    private final AppContext context;

    GuiCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        open(context);
    }

    static void open(AppContext context) {
        // Loaded only here, so the command line never starts the JavaFX toolkit.
        dev.gosetup.ui.GoSetupApp.launchWith(context);
    }

    /**
     * Whether these arguments open the window: none (on a desktop), or {@code gui} alone. Asked before anything else
     * runs, so the window's toolkit can start at once; anything more (help, options) takes the normal path.
     */
    public static boolean opensWindow(String[] args) {
        return (args.length == 0 || args.length == 1 && args[0].equals("gui")) && displayAvailable();
    }

    /** macOS and Windows always have a desktop; elsewhere X11 or Wayland must be there. */
    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
