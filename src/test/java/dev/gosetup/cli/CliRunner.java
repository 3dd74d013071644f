package dev.gosetup.cli;

import java.nio.file.Path;

/** The command line run in-process, for tests outside the cli package (the fault suite). */
public final class CliRunner {
    public record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    public static Result run(Path tmp, String... args) {
        CliResult r = CliResult.run(tmp, args);
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
