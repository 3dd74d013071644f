package dev.gosetup.logging;

import dev.gosetup.files.PrivateFolders;
import dev.gosetup.secrets.Redaction;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * java.util.logging to a rotating file in the OS's log folder (gosetup0.log, rotated at start past 1 MiB, 5
 * kept), shared by every gosetup process of the user. Nothing goes to the console: the command line's output
 * is for its user and its scripts. The log says which mirrors and proxies were used and what failed, so it is
 * private: the folder is 0700, the files 0600, and every line passes {@link Redaction} (a credential in a URL
 * becomes ***).
 */
public final class LogSetup {
    private static final int LIMIT_BYTES = 1024 * 1024;
    private static final int FILES = 5;
    private static volatile Path current;

    private LogSetup() {}

    /** Returns the log file, or null when the folder cannot be written (the app still runs). */
    public static synchronized Path configure(Path logDir) {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            PrivateFolders.create(logDir);
            Handler handler = AppendingFileHandler.open(logDir, "gosetup", LIMIT_BYTES, FILES);
            handler.setFormatter(new Private());
            handler.setEncoding("UTF-8");
            restrictLogFiles(logDir); // the new file, and any a rotation made, whatever the umask made them
            root.addHandler(handler);
            current = logDir.resolve("gosetup0.log");
        } catch (IOException | SecurityException e) {
            current = null;
        }
        return current;
    }

    /** The file logs go to now, or null. */
    public static Path currentLogFile() {
        return current;
    }

    public static void flush() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
    }

    /** Makes the log files 0600. */
    private static void restrictLogFiles(Path logDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logDir, "gosetup*.log*")) {
            for (Path f : files) {
                PrivateFolders.restrict(f, PrivateFolders.FILE);
            }
        } catch (IOException e) {
            // the folder is 0700: the files are private all the same
        }
    }

    /** SimpleFormatter's lines with credentials masked. */
    private static final class Private extends Formatter {
        private final SimpleFormatter lines = new SimpleFormatter();

        @Override
        public String format(LogRecord record) {
            return Redaction.redact(lines.format(record));
        }
    }
}
