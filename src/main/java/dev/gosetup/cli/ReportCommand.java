package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.host.snapshot.RecordingHostSource;
import dev.gosetup.host.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup report --out DIR}: saves exactly what detection read on this machine, so that someone
 * else can run {@code gosetup detect --from DIR} on theirs.
 */
@Command(name = "report", mixinStandardHelpOptions = true)
public final class ReportCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "gosetup.report.out")
    Path out;

    ReportCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        RecordingHostSource recording = new RecordingHostSource(ThisMachine.hostSource());
        HostInfo host = new HostDetector().detect(recording);
        new SnapshotWriter().write(recording, out);
        Files.writeString(out.resolve("detect.json"),
                HostJson.mapper().writeValueAsString(HostJson.of(host, context.messages(), recording.origin())));
        PrintWriter w = spec.commandLine().getOut();
        DetectCommand.printSummary(w, host, context.messages(), null);
        w.println();
        w.println(context.messages().get("cli.report.written", out.toAbsolutePath(), recording.filesRead().size()));
        w.flush();
        return ExitCodes.OK;
    }
}
