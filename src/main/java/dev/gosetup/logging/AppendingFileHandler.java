package dev.gosetup.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Appends to one named file that several gosetup processes share (the window left open while a terminal runs
 * `gosetup install`): each record is one write to a file opened for appending, so lines from both land whole in
 * the same file. The JDK's FileHandler would instead move the second process to "gosetup0.log.1", a file nobody
 * is told about. Rotation happens when a session starts and the file has grown past the limit.
 */
final class AppendingFileHandler extends StreamHandler {
    private AppendingFileHandler() {}

    /** Rotates {@code dir/gosetup0.log} when it is over {@code limitBytes} (keeping {@code files} of them), then opens it. */
    static AppendingFileHandler open(Path dir, String prefix, long limitBytes, int files) throws IOException {
        Files.createDirectories(dir);
        Path current = dir.resolve(prefix + "0.log");
        if (Files.isRegularFile(current) && Files.size(current) > limitBytes) {
            rotate(dir, prefix, files);
        }
        AppendingFileHandler handler = new AppendingFileHandler();
        handler.setOutputStream(Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
        return handler;
    }

    /** gosetup3.log → gosetup4.log … gosetup0.log → gosetup1.log. Another process rotating at the same moment only shifts one more. */
    private static void rotate(Path dir, String prefix, int files) {
        for (int i = files - 2; i >= 0; i--) {
            Path from = dir.resolve(prefix + i + ".log");
            try {
                if (Files.exists(from)) {
                    Files.move(from, dir.resolve(prefix + (i + 1) + ".log"), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // a log that cannot be rotated keeps growing: still better than no log
            }
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush(); // a crash or a kill must not take the last lines with it
    }
}
