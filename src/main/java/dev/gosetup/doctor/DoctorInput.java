package dev.gosetup.doctor;

import dev.gosetup.host.HostInfo;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.shell.StartupFiles;
import dev.gosetup.shell.terminal.TerminalReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the checks look at, gathered once (so each check is a pure function, tested with real
 * values): the environment, the inventory, this machine, the startup files and Go's own env file.
 *
 * @param env          this process's environment (PATH, GOROOT, GOPATH, GO111MODULE, GOTOOLCHAIN, …)
 * @param goEnvFile    the `go env -w` file's KEY=VALUE lines (empty when there is none)
 * @param goModToolchain the `toolchain` line of the go.mod in the working folder, or null
 * @param startupFiles the startup files of the user's shells that exist, with their bytes
 * @param cCompiler    the C compiler cgo would use (found on PATH or by xcode-select), or null
 * @param os           mac, linux or windows
 * @param network      the release list and file host probed through the configured proxy; empty when not checked (offline)
 * @param unusable     startup files that are not files we may read (a FIFO, a device, a folder, far too large), left unread
 * @param terminals    what freshly started shells run (empty when not checked): the truth about PATH, where
 *                     {@code env} is only this process's, which may predate the change
 */
public record DoctorInput(Map<String, String> env, List<InventoryEntry> inventory, HostInfo host, Path home, Path sdkRoot,
                          Map<String, String> goEnvFile, String goModToolchain, Map<Path, byte[]> startupFiles,
                          String cCompiler, String os, boolean pathsDGoExists, List<Reachability.Result> network,
                          List<StartupFiles.Unusable> unusable, TerminalReport terminals) {

    public DoctorInput(Map<String, String> env, List<InventoryEntry> inventory, HostInfo host, Path home, Path sdkRoot,
                       Map<String, String> goEnvFile, String goModToolchain, Map<Path, byte[]> startupFiles,
                       String cCompiler, String os, boolean pathsDGoExists) {
        this(env, inventory, host, home, sdkRoot, goEnvFile, goModToolchain, startupFiles, cCompiler, os, pathsDGoExists, List.of(),
                List.of(), TerminalReport.NONE);
    }

    public DoctorInput(Map<String, String> env, List<InventoryEntry> inventory, HostInfo host, Path home, Path sdkRoot,
                       Map<String, String> goEnvFile, String goModToolchain, Map<Path, byte[]> startupFiles,
                       String cCompiler, String os, boolean pathsDGoExists, List<Reachability.Result> network) {
        this(env, inventory, host, home, sdkRoot, goEnvFile, goModToolchain, startupFiles, cCompiler, os, pathsDGoExists, network,
                List.of(), TerminalReport.NONE);
    }

    public DoctorInput withNetwork(List<Reachability.Result> results) {
        return new DoctorInput(env, inventory, host, home, sdkRoot, goEnvFile, goModToolchain, startupFiles, cCompiler, os,
                pathsDGoExists, results, unusable, terminals);
    }

    public DoctorInput withUnusable(List<StartupFiles.Unusable> files) {
        return new DoctorInput(env, inventory, host, home, sdkRoot, goEnvFile, goModToolchain, startupFiles, cCompiler, os,
                pathsDGoExists, network, List.copyOf(files), terminals);
    }

    public DoctorInput withTerminals(TerminalReport report) {
        return new DoctorInput(env, inventory, host, home, sdkRoot, goEnvFile, goModToolchain, startupFiles, cCompiler, os,
                pathsDGoExists, network, unusable, report);
    }
}
