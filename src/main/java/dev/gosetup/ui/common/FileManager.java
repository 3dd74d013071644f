package dev.gosetup.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Shows a folder in the system's file manager (Finder, Explorer, the desktop's default via xdg-open). */
public final class FileManager {
    private FileManager() {}

    /** Starts the file manager; call off the FX thread. */
    public static void reveal(Path folder) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.startsWith("mac") ? List.of("open", "-R", folder.toString())
                : os.startsWith("windows") ? List.of("explorer.exe", "/select," + folder)
                : List.of("xdg-open", folder.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("Could not open a file manager (" + command.getFirst() + "): " + e.getMessage()
                    + ". The folder is " + folder + ".", e);
        }
    }
}
