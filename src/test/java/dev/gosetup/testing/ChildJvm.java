package dev.gosetup.testing;

import java.util.ArrayList;
import java.util.List;

/** A second JVM running a main class of the project with the test class path: the real program, for kills and pipes. */
public final class ChildJvm {
    private ChildJvm() {}

    public static ProcessBuilder of(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }
}
