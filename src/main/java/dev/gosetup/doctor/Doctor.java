package dev.gosetup.doctor;

import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.HostSource;
import dev.gosetup.inventory.Inventory;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.terminal.NewTerminal;
import dev.gosetup.shell.terminal.TerminalReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One health check run over this machine: what the CLI and the Health check page both do. */
public final class Doctor {
    private Doctor() {}

    /** The findings, and what new terminals answered (empty when not asked). */
    public record Checkup(List<Finding> findings, TerminalReport terminals) {}

    /** @param network the install sources whose hosts are probed, or null to stay offline */
    public static List<Finding> run(ShellSources shells, InventorySources installs, HostSource hostSource, Map<String, String> env,
                                    Path workingDir, dev.gosetup.install.InstallSources network) throws IOException {
        return check(shells, installs, hostSource, env, workingDir, network, null).findings();
    }

    /**
     * @param terminals how to ask new terminals what they run (the real shells, in parallel with the other
     *                  checks), or null not to start any shell
     */
    public static Checkup check(ShellSources shells, InventorySources installs, HostSource hostSource, Map<String, String> env,
                                Path workingDir, dev.gosetup.install.InstallSources network, NewTerminal.Options terminals)
            throws IOException {
        CompletableFuture<TerminalReport> asked = terminals == null ? CompletableFuture.completedFuture(TerminalReport.NONE)
                : CompletableFuture.supplyAsync(() -> NewTerminal.check(shells, terminals), r -> Thread.ofVirtual().start(r));
        DoctorInput input = gather(shells, installs, hostSource, env, workingDir, network);
        TerminalReport report = asked.join();
        List<Finding> findings = new java.util.ArrayList<>(Checks.run(input.withTerminals(report)));
        findings.addAll(SignatureFindings.check(input.inventory()));
        findings.addAll(SystemSetupFindings.check(new dev.gosetup.shell.SystemEnvironment(shells.files().os(), Path.of("/"))));
        findings.addAll(ArchitectureFindings.of(input.host(), input.inventory(), tools(input)));
        findings.addAll(MachinePathFindings.check(shells.machinePathFix(), shells.spec(dev.gosetup.settings.Settings.defaults())));
        java.util.Optional<Path> terminalGo = report.first().filter(c -> !c.go().isBlank()).map(c -> Path.of(c.go()))
                .or(() -> installs.newTerminal() == null ? java.util.Optional.empty() : installs.newTerminal().go());
        // XDG_CONFIG_HOME / APPDATA belong to this process's home: for another one (--home) its own defaults apply
        Map<String, String> ideEnv = env;
        if (!shells.home().toAbsolutePath().normalize().equals(dev.gosetup.settings.UserHome.current())) {
            ideEnv = new java.util.HashMap<>(env);
            ideEnv.remove("XDG_CONFIG_HOME");
            ideEnv.remove("APPDATA");
        }
        findings.addAll(IdeFindings.check(shells.files().os(), shells.home(), ideEnv, terminalGo, shells.sdkRoot(), input.host().arch(),
                new dev.gosetup.settings.ProjectFolders(shells.scriptsDir()).load()));
        return new Checkup(findings, report);
    }

    /** The programs in GOBIN and GOPATH/bin, judged against the active Go (read from the files, none run). */
    static dev.gosetup.tools.ToolScan.Result tools(DoctorInput input) {
        java.util.Optional<InventoryEntry> active = input.inventory().stream().filter(InventoryEntry::active).findFirst()
                .or(() -> input.inventory().stream().filter(InventoryEntry::sdkActive).findFirst());
        dev.gosetup.tools.GoBinDirs dirs = dev.gosetup.tools.GoBinDirs.resolve(input.env(), input.os(), input.home(),
                active.map(a -> a.install().root()).orElse(null));
        return dev.gosetup.tools.ToolScan.scan(dirs, active.flatMap(a -> dev.gosetup.release.GoVersion.parse(a.install().version()))
                .orElse(null), input.host() == null ? null : input.host().arch(), System.getProperty("user.name"));
    }

    private static DoctorInput gather(ShellSources shells, InventorySources installs, HostSource hostSource, Map<String, String> env,
                                      Path workingDir, dev.gosetup.install.InstallSources network) throws IOException {
        HostInfo host = new HostDetector().detect(hostSource);
        Inventory inventory = installs.inventory(host.arch());
        List<InventoryEntry> all = inventory.scan();
        inventory.sizes().save();
        DoctorInput input = DoctorInputs.gather(env, all, host, shells.files(), shells.sdkRoot(), workingDir);
        if (network != null) {
            java.net.URI list = network.releaseList() == null ? dev.gosetup.release.ReleaseCatalog.OFFICIAL
                    : network.releaseList().matches("(?i)https?://.*") ? java.net.URI.create(network.releaseList()) : null;
            java.net.http.HttpClient client = dev.gosetup.fetch.HttpClients.create(network.policy());
            try {
                input = input.withNetwork(Reachability.probe(client, java.util.Arrays.asList(list, network.fileBase())));
            } finally {
                client.shutdownNow(); // see SdkOptions.closeClient: a live selector thread delays the JVM's exit
            }
        }
        return input;
    }
}
