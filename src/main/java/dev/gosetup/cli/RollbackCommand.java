package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.update.Rollback;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosetup rollback}: the version that was active before the current one becomes active again. */
@Command(name = "rollback", mixinStandardHelpOptions = true)
public final class RollbackCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions sdk = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.rollback.json")
    boolean json;

    RollbackCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SdkRoot root = sdk.sdk(context);
        Rollback.Done done = Rollback.run(root, context.managed().versions());
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            o.put("from", done.from() == null ? null : done.from().name());
            o.put("to", done.to().name());
            spec.commandLine().getOut().println(HostJson.mapper().writeValueAsString(o));
        } else {
            spec.commandLine().getOut().println(context.messages().get("cli.rollback.done", done.to().name(),
                    done.from() == null ? "-" : done.from().name(), root.path().resolve(SdkRoot.ACTIVE_LINK)));
        }
        return ExitCodes.OK;
    }
}
