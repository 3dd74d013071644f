package dev.gosetup.faults;

import dev.gosetup.shell.StartupFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run in a child JVM by CrashTest: rewrites a startup file again and again until it is killed. */
public final class WriterLoop {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] a = (args[1].repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        byte[] b = (args[2].repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        System.out.println("writing");
        System.out.flush();
        for (int i = 0; ; i++) {
            StartupFiles.Snapshot now = StartupFiles.read(file);
            StartupFiles.write(now, i % 2 == 0 ? b : a);
        }
    }
}
