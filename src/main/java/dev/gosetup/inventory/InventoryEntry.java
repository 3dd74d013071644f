package dev.gosetup.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * A Go install in context: where it stands on PATH, whether it is the one that runs, who shadows it,
 * its size and what is wrong with it.
 *
 * @param onPath     its bin's position in PATH (0 = first), or -1 when it is not on PATH
 * @param active     true for the one `go` runs (the first on PATH)
 * @param shadowedBy the root of the Go that runs instead, when this one is on PATH but later; else null
 * @param sdkActive  true when it is the version the ~/sdk/go link points at (what `gosetup use` chose)
 * @param sizeBytes  bytes on disk, or -1 when not measured
 * @param warnings   codes, each explained by the resource bundle key "inventory.warning.CODE"
 * @param newerPatch the newest patch of this line when it is newer (go1.21.13), else null
 * @param newTerminal true for the one a newly opened terminal runs ({@link NewTerminalGo})
 */
public record InventoryEntry(GoInstall install, int onPath, boolean active, Path shadowedBy, boolean sdkActive,
                             long sizeBytes, List<String> warnings, String newerPatch, boolean newTerminal) {

    public InventoryEntry(GoInstall install, int onPath, boolean active, Path shadowedBy, boolean sdkActive,
                          long sizeBytes, List<String> warnings, String newerPatch) {
        this(install, onPath, active, shadowedBy, sdkActive, sizeBytes, warnings, newerPatch, false);
    }

    public InventoryEntry(GoInstall install, int onPath, boolean active, Path shadowedBy, boolean sdkActive, long sizeBytes,
                          List<String> warnings) {
        this(install, onPath, active, shadowedBy, sdkActive, sizeBytes, warnings, null);
    }
}
