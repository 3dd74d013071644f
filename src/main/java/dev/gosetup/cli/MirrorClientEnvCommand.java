package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.mirror.toolchain.ClientSettings;
import dev.gosetup.mirror.toolchain.ProxyManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup mirror client-env DIR --url URL}: the settings clients need to take Go toolchains from the mirror
 * in DIR served at URL. Only {@code KEY=VALUE} lines on standard output (for scripts, {@code env $(...)}, the
 * policy), the explanation on standard error.
 */
@Command(name = "client-env", mixinStandardHelpOptions = true)
public final class MirrorClientEnvCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "gosetup.mirror.clientEnv.dir")
    Path dir;

    @Option(names = "--url", required = true, paramLabel = "URL", descriptionKey = "gosetup.mirror.clientEnv.url")
    String url;

    @Option(names = "--then-proxy", paramLabel = "URL", descriptionKey = "gosetup.mirror.clientEnv.thenProxy")
    List<String> thenProxies = new ArrayList<>();

    @Option(names = "--toolchain", paramLabel = "auto|path|local", descriptionKey = "gosetup.mirror.clientEnv.toolchain")
    String toolchain;

    @Option(names = "--json", descriptionKey = "gosetup.mirror.clientEnv.json")
    boolean json;

    public MirrorClientEnvCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProxyManifest manifest = ProxyManifest.read(dir);
        if (manifest == null) {
            err.println(m.get("cli.error.input", m.describe(Problem.of("mirror.clientEnv.noToolchainLayout", dir))));
            return ExitCodes.BAD_INPUT;
        }
        Map<String, String> env = ClientSettings.of(manifest, url, thenProxies, toolchain);
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            env.forEach(o::put);
            out.println(HostJson.mapper().writeValueAsString(o));
        } else {
            env.forEach((k, v) -> out.println(k + "=" + v));
        }
        err.println(m.get("cli.mirror.clientEnv.explain", manifest.sumdb().name(), manifest.modules().size()));
        if (thenProxies.isEmpty()) {
            err.println(m.get("cli.mirror.clientEnv.onlyToolchains"));
        }
        return ExitCodes.OK;
    }
}
