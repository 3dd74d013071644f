package dev.gosetup.host;

import java.util.List;

/**
 * What detection concluded about a machine.
 *
 * @param os          GOOS of the host (darwin, linux, windows, ...)
 * @param arch        the Go download arch of the host's native CPU (amd64, arm64, 386, armv6l, ...), or null
 *                    when it could not be told
 * @param processArch the Go arch this process runs as (what a Go-built installer would wrongly pick)
 * @param translated  this process runs translated: Rosetta 2, Windows x64/x86 emulation, qemu-user
 * @param translator  which translation, when {@code translated}: rosetta2, windows-emulation, emulator
 * @param chip        CPU or board in plain words ("Apple M3 Max", "AWS Graviton3"), or null
 * @param chipEvidence what decided {@code chip} (an {@code evidence.*} key: DMI, cloud-init, device tree, the
 *                    CPU's own MIDR or brand string), or null when there is no chip
 * @param machine     the machine model or cloud instance ("MacBook Pro (Mac14,2)", "AWS EC2 c7g.large"), or null
 * @param osVersion   the OS in plain words ("macOS 15.1", "Ubuntu 24.04.1 LTS", "Windows 11 23H2 (build 22631)"), or null
 * @param kernel      kernel release, when known
 * @param wsl         1 or 2 under Windows Subsystem for Linux, else null
 * @param container   container engine (docker, podman, ...) or null
 * @param goamd64     the GOAMD64 level the CPU supports (v1..v4) on x86-64, else null
 * @param notes       what detection could not tell, or inferred, and why
 */
public record HostInfo(
        String os,
        String arch,
        String processArch,
        boolean translated,
        String translator,
        String chip,
        Note chipEvidence,
        String machine,
        String osVersion,
        String kernel,
        Integer wsl,
        String container,
        String goamd64,
        List<Note> notes) {

    public HostInfo {
        notes = List.copyOf(notes);
    }

    /** The platform a Go download is chosen for, e.g. {@code darwin-arm64}; null when the arch is unknown. */
    public String goPlatform() {
        return os == null || arch == null ? null : os + "-" + arch;
    }
}
