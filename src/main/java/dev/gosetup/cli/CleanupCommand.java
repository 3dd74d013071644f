package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.cleanup.Cleanup;
import dev.gosetup.cleanup.ProjectNeeds;
import dev.gosetup.files.HomePaths;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import dev.gosetup.shell.sources.ShellSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup cleanup}: first what can be freed and how much (versions neither active nor needed by a known
 * project, interrupted installs and downloads, Go's build and module caches), then, per choice, asks and frees.
 * What is in the install root but not gosetup's is listed and left alone. Without a terminal it asks nothing:
 * {@code --yes} frees the versions and leftovers, and the caches only when named ({@code --build-cache},
 * {@code --module-cache}); naming any choice limits it to those.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true)
public final class CleanupCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions sdk = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.cleanup.yes")
    boolean yes;

    @Option(names = "--dry-run", descriptionKey = "gosetup.cleanup.dryRun")
    boolean dryRun;

    @Option(names = "--versions", descriptionKey = "gosetup.cleanup.versions")
    boolean versions;

    @Option(names = "--leftovers", descriptionKey = "gosetup.cleanup.leftovers")
    boolean leftovers;

    @Option(names = "--build-cache", descriptionKey = "gosetup.cleanup.buildCache")
    boolean buildCache;

    @Option(names = "--module-cache", descriptionKey = "gosetup.cleanup.moduleCache")
    boolean moduleCache;

    @Option(names = "--project", paramLabel = "DIR", descriptionKey = "gosetup.cleanup.project")
    List<Path> projects = new java.util.ArrayList<>();

    CleanupCommand(AppContext context) {
        this.context = context;
    }

    /**
     * The folders whose versions are kept: the Projects page's, those named with --project, and the folder cleanup
     * runs in when it is inside a Go project (someone who lives on the command line has no Projects page).
     */
    private List<Path> projectFolders(Map<String, String> env) {
        List<Path> folders = new java.util.ArrayList<>(new dev.gosetup.settings.ProjectFolders(context.paths().configDir()).load());
        for (Path p : projects) {
            if (!java.nio.file.Files.isDirectory(p)) {
                throw new dev.gosetup.i18n.ProblemArgumentException("cli.project.noFolder", p);
            }
            folders.add(p.toAbsolutePath().normalize());
        }
        Path here = Path.of("").toAbsolutePath();
        if (!dev.gosetup.project.ProjectFiles.read(here, env).requests().isEmpty()) {
            folders.add(here);
        }
        return folders;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        SdkRoot root = sdk.sdk(context);
        Map<String, String> env = new HashMap<>(System.getenv());
        Cleanup cleanup = new Cleanup(root, env);
        Map<GoVersion, Path> needed = ProjectNeeds.of(shells(root.path()), context.settings(), env, projectFolders(env));
        Cleanup.Plan plan = cleanup.scan(needed);
        Set<Cleanup.Choice> named = EnumSet.noneOf(Cleanup.Choice.class);
        if (versions) named.add(Cleanup.Choice.VERSIONS);
        if (leftovers) named.add(Cleanup.Choice.LEFTOVERS);
        if (buildCache) named.add(Cleanup.Choice.BUILD_CACHE);
        if (moduleCache) named.add(Cleanup.Choice.MODULE_CACHE);
        if (!json) {
            print(out, m, plan, root.path());
        }
        Set<Cleanup.Choice> chosen = EnumSet.noneOf(Cleanup.Choice.class);
        List<Cleanup.Freed> freed = List.of();
        boolean anything = !plan.items().isEmpty();
        if (!dryRun && anything) {
            if (yes) {
                chosen.addAll(named.isEmpty() ? EnumSet.of(Cleanup.Choice.VERSIONS, Cleanup.Choice.LEFTOVERS) : named);
            } else if (Terminal.interactive().isEmpty() || json) {
                spec.commandLine().getErr().println(m.get("cli.cleanup.needYes"));
                return ExitCodes.BAD_INPUT;
            } else {
                for (Cleanup.Choice c : Cleanup.Choice.values()) {
                    if ((named.isEmpty() || named.contains(c)) && !plan.of(c).isEmpty()) {
                        String answer = Terminal.interactive().get().readLine(m.get("cli.cleanup.ask." + c.name(), size(plan.bytes(c))));
                        if (answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                            chosen.add(c);
                        }
                    }
                }
            }
            chosen.removeIf(c -> plan.of(c).isEmpty());
            freed = cleanup.free(plan, chosen);
        }
        boolean failed = freed.stream().anyMatch(f -> f.problem() != null);
        if (json) {
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(m, plan, freed, root.path())));
        } else if (!dryRun && anything) {
            long total = 0;
            for (Cleanup.Freed f : freed) {
                total += f.bytes();
                if (f.problem() != null) {
                    out.println(m.get("cli.cleanup.failed." + f.choice().name(), m.describe(f.problem())));
                } else {
                    out.println(m.get("cli.cleanup.freed." + f.choice().name(), size(f.bytes()), f.done().size()));
                }
            }
            out.println(chosen.isEmpty() ? m.get("cli.env.cancelled") : m.get("cli.cleanup.total", size(total)));
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static ByteSize size(long bytes) {
        return new ByteSize(bytes);
    }

    private void print(PrintWriter out, Messages m, Cleanup.Plan plan, Path sdkRoot) {
        Path home = sdk.home();
        out.println(m.get("cli.cleanup.header", HomePaths.display(sdkRoot, home)));
        if (plan.items().isEmpty()) {
            out.println("  " + m.get("cli.cleanup.nothing"));
        }
        for (Cleanup.Choice c : Cleanup.Choice.values()) {
            List<Cleanup.Item> items = plan.of(c);
            if (items.isEmpty()) {
                continue;
            }
            boolean lowerBound = items.stream().anyMatch(i -> !i.size().complete());
            String choice = m.get("cli.cleanup.choice." + c.name(), items.size(), size(plan.bytes(c)));
            out.println("  " + (lowerBound ? m.get("text.then", choice, m.get("cli.cleanup.atLeast")) : choice));
            for (Cleanup.Item i : items) {
                String name = c == Cleanup.Choice.VERSIONS ? i.name() : HomePaths.display(i.path(), home);
                out.println("      " + name + "  " + size(i.size().bytes()).format(m.locale()));
            }
        }
        for (Map.Entry<GoVersion, String> k : plan.kept().entrySet()) {
            out.println("  " + (k.getValue().equals("active") ? m.get("cli.cleanup.keptActive", k.getKey().name())
                    : m.get("cli.cleanup.keptProject", k.getKey().name(), HomePaths.display(Path.of(k.getValue()), home))));
        }
        for (Path p : plan.notOurs()) {
            out.println("  " + m.get("cli.cleanup.notOurs", HomePaths.display(p, home)));
        }
        if (dryRun) {
            out.println(m.get("cli.cleanup.dryRun"));
        }
    }

    private ObjectNode toJson(Messages m, Cleanup.Plan plan, List<Cleanup.Freed> freed, Path sdkRoot) {
        ObjectNode o = HostJson.mapper().createObjectNode();
        o.put("sdkRoot", sdkRoot.toString());
        o.put("dryRun", dryRun);
        ArrayNode items = o.putArray("items");
        for (Cleanup.Item i : plan.items()) {
            ObjectNode n = items.addObject();
            n.put("choice", i.choice().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            n.put("name", i.name());
            n.put("path", i.path().toString());
            n.put("bytes", i.size().bytes());
            n.put("complete", i.size().complete());
        }
        ObjectNode totals = o.putObject("totals");
        for (Cleanup.Choice c : Cleanup.Choice.values()) {
            totals.put(c.name().toLowerCase(Locale.ROOT).replace('_', '-'), plan.bytes(c));
        }
        ArrayNode kept = o.putArray("kept");
        plan.kept().forEach((v, why) -> kept.addObject().put("version", v.name()).put("neededBy", why));
        ArrayNode notOurs = o.putArray("notOurs");
        plan.notOurs().forEach(p -> notOurs.add(p.toString()));
        ArrayNode done = o.putArray("freed");
        for (Cleanup.Freed f : freed) {
            ObjectNode n = done.addObject();
            n.put("choice", f.choice().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            n.put("bytes", f.bytes());
            ArrayNode names = n.putArray("items");
            f.done().forEach(names::add);
            n.put("error", f.problem() == null ? null : m.describe(f.problem()));
        }
        return o;
    }

    private ShellSources shells(Path sdkRoot) {
        Path home = sdk.home();
        ShellSources user = sdk.home != null ? ShellSources.forHome(sdk.home, sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        return new ShellSources(user.files(), home, user.scriptsDir(), sdkRoot, user.loginShell());
    }
}
