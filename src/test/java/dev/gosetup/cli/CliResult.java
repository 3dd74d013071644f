package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.settings.AppPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the command line, with settings and logs in a test folder: its exit code and output. */
record CliResult(int exitCode, String out, String err) {
    static CliResult run(Path tmp, String... args) {
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), tmp.resolve("logs/gosetup0.log"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GoSetupCommand.run(context, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }
}
