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

    public static List<Finding> run(ShellSources shells, InventorySources installs, HostSource hostSource, Map<String, String> env,
                                    Path workingDir) throws IOException {
        HostInfo host = new HostDetector().detect(hostSource);
        Inventory inventory = installs.inventory(host.arch());
        List<InventoryEntry> all = inventory.scan();
        inventory.sizes().save();
        return Checks.run(DoctorInputs.gather(env, all, host, shells.files(), shells.sdkRoot(), workingDir));
    }
}
