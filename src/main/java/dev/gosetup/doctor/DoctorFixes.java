package dev.gosetup.doctor;

import dev.gosetup.settings.Settings;
import dev.gosetup.shell.BlockMove;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.StartupFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Carries out the fixes the checks offer, with the same care as `gosetup env` (backups, atomic writes). */
public final class DoctorFixes {
    private DoctorFixes() {}

    /**
     * One file a fix wrote.
     *
     * @param backup the copy of it from before our first change, or null (a file we created, our own script)
     */
    public record Change(Path file, Path backup) {}

    /** @return each file written, with its backup */
    public static List<Change> apply(Finding finding, ShellSources where, Settings settings) throws IOException {
        return apply(finding, where, settings, null);
    }

    /**
     * @param cacheDir where the release list is cached (for {@link Finding.Fix#CHECK_SIGNATURE}); null for a
     *                 temporary folder
     * @return each file written, with its backup
     */
    public static List<Change> apply(Finding finding, ShellSources where, Settings settings, Path cacheDir) throws IOException {
        List<Path> written = new ArrayList<>();
        switch (finding.fix()) {
            case CHECK_SIGNATURE -> written.add(checkSignature(finding, settings, cacheDir));
            case REBUILD_TOOL -> written.add(rebuildTool(finding, System.getenv()));
            case POINT_VSCODE_GOROOT -> {
                Path file = Path.of(finding.arg(IdeFindings.ARG_FILE));
                dev.gosetup.ide.VsCodeGorootEdit edit = new dev.gosetup.ide.VsCodeGorootEdit(where.scriptsDir());
                edit.apply(edit.plan(file, where.sdkRoot().resolve(dev.gosetup.install.SdkRoot.ACTIVE_LINK)));
                written.add(file);
            }
            case APPLY_ENV, APPLY_ENV_DISABLE_CONFLICTS -> {
                EnvSetup setup = where.setup();
                EnvSetup.Plan plan = setup.plan(where.spec(settings), where.defaultShells(), Set.of());
                if (finding.fix() == Finding.Fix.APPLY_ENV_DISABLE_CONFLICTS) {
                    plan = setup.plan(where.spec(settings), where.defaultShells(),
                            Set.copyOf(plan.conflicts().stream().filter(Conflict::canDisable).toList()));
                }
                EnvSetup.Result result = setup.apply(plan);
                written.addAll(result.written());
                written.addAll(result.deleted());
            }
            case PLACE_BLOCK_AFTER -> {
                Path file = Path.of(finding.arg(TerminalFindings.ARG_FILE));
                dev.gosetup.shell.Shell shell = dev.gosetup.shell.Shell.parse(finding.arg(TerminalFindings.ARG_SHELL)).orElseThrow();
                BlockMove.apply(BlockMove.plan(where.setup(), shell, file, Integer.parseInt(finding.arg(TerminalFindings.ARG_LINE)) - 1,
                        finding.arg(TerminalFindings.ARG_TEXT), Boolean.parseBoolean(finding.arg(TerminalFindings.ARG_STANDALONE))));
                written.add(file);
            }
            case FIX_MACHINE_PATH -> {
                // One UAC prompt; success only when the machine Path, read again, puts our Go first (else it throws).
                dev.gosetup.shell.MachinePathFix fix = where.machinePathFix()
                        .orElseThrow(() -> new dev.gosetup.i18n.ProblemArgumentException("cli.env.fixMachinePath.onlyOnWindows"));
                String key = fix.plan(where.spec(settings)).scope();
                fix.run(where.spec(settings));
                written.add(Path.of(key)); // the registry key, named as Windows names it
            }
            case CRLF_TO_LF -> {
                Path file = Path.of(finding.arg(0));
                StartupFiles.Snapshot before = StartupFiles.read(file);
                if (before.exists()) {
                    String text = new String(before.content(), StandardCharsets.ISO_8859_1); // bytes kept as they are
                    StartupFiles.write(before, text.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
                    written.add(file);
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        for (Path file : written) {
            if (finding.fix() == Finding.Fix.REBUILD_TOOL || finding.fix() == Finding.Fix.FIX_MACHINE_PATH
                    || file.getFileName().toString().equals(dev.gosetup.install.VerificationRecord.FILE)) {
                changes.add(new Change(file, null)); // gosetup's own record, not a user's file
                continue;
            }
            boolean ours = file.startsWith(where.scriptsDir());
            changes.add(new Change(file, ours ? null : StartupFiles.backupOf(file).orElse(null)));
        }
        return changes;
    }

    /**
     * Rebuilds one tool with the active Go (the finding names both), with the user's environment; a failure leaves
     * the old binary in place and is thrown as the problem it is.
     */
    static Path rebuildTool(Finding finding, java.util.Map<String, String> env) throws IOException {
        Path file = Path.of(finding.arg(ArchitectureFindings.ARG_FILE));
        Path activeRoot = Path.of(finding.arg(ArchitectureFindings.ARG_ACTIVE_ROOT));
        dev.gosetup.tools.ToolScan.Result one = dev.gosetup.tools.ToolScan.scanFiles(List.of(file));
        dev.gosetup.tools.ToolRebuilder.Plan plan = dev.gosetup.tools.ToolRebuilder.plan(one.tools(), activeRoot,
                finding.args().size() > 7 ? finding.arg(7) : "", System.getProperty("os.name", "").startsWith("Windows"));
        if (plan.possible().isEmpty()) {
            throw new dev.gosetup.i18n.ProblemException(plan.steps().isEmpty()
                    ? dev.gosetup.i18n.Problem.of("tools.notGoAnyMore", file) : plan.steps().getFirst().cannot());
        }
        dev.gosetup.tools.ToolRebuilder.Outcome outcome = new dev.gosetup.tools.ToolRebuilder().run(plan, env,
                dev.gosetup.tools.ToolRebuilder.Listener.NONE, new dev.gosetup.fetch.CancelToken()).getFirst();
        if (outcome.status() != dev.gosetup.tools.ToolRebuilder.Status.REBUILT) {
            throw new dev.gosetup.i18n.ProblemException(outcome.problem() != null ? outcome.problem()
                    : dev.gosetup.i18n.Problem.of("tools.rebuild.cancelled", file));
        }
        return file;
    }

    /**
     * Fetches the version's archive and signature again and requires both (a signature by a trusted key, whatever
     * the strictness setting: proving the origin is the point of this fix), compares the installed files, and
     * records the result in the version's folder.
     */
    private static Path checkSignature(Finding finding, Settings settings, Path cacheDir) throws IOException {
        dev.gosetup.release.GoVersion version = dev.gosetup.release.GoVersion.parse(finding.arg(0))
                .orElseThrow(() -> new IllegalArgumentException("not a Go version folder: " + finding.arg(1)));
        Path root = Path.of(finding.arg(1));
        Path cache = cacheDir != null ? cacheDir : java.nio.file.Files.createTempDirectory("gosetup-check");
        try {
            dev.gosetup.install.SdkRoot sdk = new dev.gosetup.install.SdkRoot(root.getParent());
            dev.gosetup.fetch.FetchPolicy policy = dev.gosetup.install.InstallSources.fetchPolicy(settings);
            dev.gosetup.install.InstallSources sources = new dev.gosetup.install.InstallSources(settings.releaseList(),
                    settings.fileMirror(), policy, cache, sdk, dev.gosetup.signature.Strictness.REQUIRED,
                    settings.signingKeys().stream().map(Path::of).toList());
            java.net.http.HttpClient client = dev.gosetup.fetch.HttpClients.create(policy);
            try {
                new dev.gosetup.install.InstalledVersionCheck(sdk, sources, new dev.gosetup.fetch.HttpDownloader(client, policy),
                        sources.archiveSignatures()).check(version, dev.gosetup.fetch.ProgressListener.NONE,
                        new dev.gosetup.fetch.CancelToken());
            } finally {
                client.shutdownNow();
            }
        } finally {
            if (cacheDir == null) {
                try (var files = java.nio.file.Files.walk(cache)) { // the temporary release-list cache: ours alone
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return root.resolve(dev.gosetup.install.VerificationRecord.FILE);
    }
}
