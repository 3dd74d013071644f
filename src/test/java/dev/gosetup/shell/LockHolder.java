package dev.gosetup.shell;

import java.nio.file.Path;
import java.time.Duration;

/** Run in a child JVM by ConcurrentEnvApplyTest: holds the env lock of a folder until its standard input closes. */
public final class LockHolder {
    public static void main(String[] args) throws Exception {
        try (EnvLock lock = EnvLock.take(Path.of(args[0]), Duration.ofSeconds(10))) {
            System.out.println("held");
            System.out.flush();
            System.in.read(); // until the test closes our standard input
        }
    }
}
