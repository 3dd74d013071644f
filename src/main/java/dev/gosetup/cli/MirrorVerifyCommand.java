package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.mirror.MirrorVerifier;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.Strictness;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup mirror verify DIR}: every archive re-read against the folder's own release list, its .sha256 and
 * its .asc; each damaged, missing or unexpected file said in plain words (or as JSON). Exit 3 when anything is bad.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
public final class MirrorVerifyCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "gosetup.mirror.verify.dir")
    Path dir;

    @Option(names = "--signatures", paramLabel = "required|if-available|off", descriptionKey = "gosetup.mirror.verify.signatures")
    String signatures;

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    private HttpClient client;

    MirrorVerifyCommand(AppContext context) {
        this.context = context;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClients.create(InstallSources.fetchPolicy(context.settings()));
        }
        return client;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } finally {
            synchronized (this) {
                if (client != null) {
                    client.shutdownNow();
                }
            }
        }
    }

    private Integer run() throws Exception {
        Messages m = context.messages();
        // Where a signature is there it is checked; "required" also reports archives without one.
        Strictness strictness = signatures == null ? Strictness.IF_AVAILABLE : Strictness.named(signatures)
                .orElseThrow(() -> new IllegalArgumentException(m.get("cli.signatures.unknown", signatures)));
        ArchiveSignatures checks = new ArchiveSignatures(strictness,
                context.settings().signingKeys().stream().map(Path::of).toList(), this::client,
                InstallSources.fetchPolicy(context.settings()));
        boolean terminal = Terminal.interactive().isPresent() && !json;
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = terminal ? new TerminalProgress(err, m) : null;
        MirrorVerifier.Report report = new MirrorVerifier(checks).verify(dir.toAbsolutePath().normalize(), new MirrorVerifier.Listener() {
            @Override
            public ProgressListener checking(String file) {
                return progress == null ? ProgressListener.NONE : progress;
            }
        }, new CancelToken());
        if (progress != null) {
            progress.newline();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            o.put("dir", report.dir().toString());
            o.put("ok", report.allGood());
            ArrayNode findings = o.putArray("findings");
            for (MirrorVerifier.Finding f : report.findings()) {
                ObjectNode n = findings.addObject();
                n.put("kind", f.kind().jsonName());
                n.put("file", f.file());
                if (f.problem() != null) {
                    n.put("key", f.problem().key());
                    n.put("message", m.describe(f.problem()));
                }
                if (f.verification() != null) {
                    n.put("signature", f.verification().outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    if (f.verification().signed()) {
                        n.put("signer", f.verification().signer());
                        n.put("primaryKey", f.verification().primaryFingerprint());
                    }
                }
            }
            out.println(HostJson.mapper().writeValueAsString(o));
        } else {
            for (MirrorVerifier.Finding f : report.findings()) {
                if (f.kind() == MirrorVerifier.Kind.OK) {
                    var v = f.verification();
                    String how = v != null && v.signed() ? m.get("cli.mirror.signedBy", v.signer(), v.shortKey())
                            : v != null && v.outcome() == dev.gosetup.signature.Verification.Outcome.NOT_CHECKED
                            ? m.get("cli.mirror.signatureOff") : m.get("cli.mirror.noSignature");
                    out.println(m.get("cli.mirror.verify.ok", f.file(), how));
                } else {
                    out.println(m.get("cli.mirror.verify.kind." + f.kind().name(), f.file(), m.describe(f.problem())));
                }
            }
            out.println(report.allGood() ? m.get("cli.mirror.verify.allGood", report.dir())
                    : m.get("cli.mirror.verify.bad", report.bad(), report.dir()));
        }
        return report.allGood() ? ExitCodes.OK : ExitCodes.CHECKSUM;
    }
}
