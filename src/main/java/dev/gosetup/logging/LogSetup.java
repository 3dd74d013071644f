package dev.gosetup.logging;

import dev.gosetup.files.PrivateFolders;
import dev.gosetup.secrets.Redaction;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * java.util.logging to a rotating file in the OS's log folder (5 files of 1 MiB). Nothing goes to the
 * console: the command line's output is for its user and its scripts. The log says which mirrors and
 * proxies were used and what failed, so it is private: the folder is 0700, the files 0600, and every
 * line passes {@link Redaction} (a credential in a URL becomes ***).
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
            FileHandler handler = new FileHandler(logDir.resolve("gosetup%g.log").toString(), LIMIT_BYTES, FILES, true);
            handler.setFormatter(new Private(logDir));
            handler.setEncoding("UTF-8");
            restrictLogFiles(logDir);
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

    /** Makes the log files (and FileHandler's lock file) 0600, whatever the umask made them. */
    private static void restrictLogFiles(Path logDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logDir, "gosetup*.log*")) {
            for (Path f : files) {
                PrivateFolders.restrict(f, PrivateFolders.FILE);
            }
        } catch (IOException e) {
            // the folder is 0700: the files are private all the same
        }
    }

    /**
     * SimpleFormatter's lines with credentials masked. FileHandler asks for the head once for each file it
     * opens, including the new one after a rotation, which it creates with the default mode: that is the
     * moment to make it 0600 again.
     */
    private static final class Private extends Formatter {
        private final SimpleFormatter lines = new SimpleFormatter();
        private final Path logDir;

        Private(Path logDir) {
            this.logDir = logDir;
        }

        @Override
        public String format(LogRecord record) {
            return Redaction.redact(lines.format(record));
        }

        @Override
        public String getHead(Handler h) {
            restrictLogFiles(logDir);
            return "";
        }
    }
}
