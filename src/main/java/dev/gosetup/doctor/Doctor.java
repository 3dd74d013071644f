package dev.gosetup.doctor;

import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.HostSource;
import dev.gosetup.inventory.Inventory;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.shell.ShellSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One health check run over this machine: what the CLI and the Health check page both do. */
public final class Doctor {
    private Doctor() {}

    /** @param network the install sources whose hosts are probed, or null to stay offline */
    public static List<Finding> run(ShellSources shells, InventorySources installs, HostSource hostSource, Map<String, String> env,
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
        return Checks.run(input);
    }
}
