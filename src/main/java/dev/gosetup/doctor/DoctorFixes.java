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
        List<Path> written = new ArrayList<>();
        switch (finding.fix()) {
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
            boolean ours = file.startsWith(where.scriptsDir());
            changes.add(new Change(file, ours ? null : StartupFiles.backupOf(file).orElse(null)));
        }
        return changes;
    }
}
