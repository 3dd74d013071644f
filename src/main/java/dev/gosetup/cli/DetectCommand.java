package dev.gosetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gosetup.AppContext;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.HostSource;
import dev.gosetup.host.HostSummary;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosetup detect [--json] [--from DIR]}: what machine this is, and which Go build it needs. */
@Command(name = "detect", mixinStandardHelpOptions = true)
public final class DetectCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", descriptionKey = "gosetup.detect.json")
    boolean json;

    @Option(names = "--from", paramLabel = "DIR", descriptionKey = "gosetup.detect.from")
    Path from;

    DetectCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        HostSource source = from != null ? new SnapshotHostSource(from) : ThisMachine.hostSource();
        HostInfo host = new HostDetector().detect(source);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(HostJson.mapper().writeValueAsString(HostJson.of(host, context.messages(), source.origin())));
        } else {
            printSummary(out, host, context.messages(), from != null ? source.origin() : null);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void printSummary(PrintWriter out, HostInfo host, Messages messages, String snapshot) {
        if (snapshot != null) {
            out.println(messages.get("cli.detect.fromSnapshot", snapshot));
        }
        out.print(new HostSummary(messages).plainText(host));
    }
}
