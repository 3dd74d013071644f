package dev.gosetup.project;

import dev.gosetup.release.GoVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which Go a project needs and which one runs there, and why: facts only; the faces word them.
 *
 * @param files       the project files and what each asks for
 * @param winner      the file whose request decides (the go command's go.work/go.mod when there is one)
 * @param winnerWhy   why it decides, a bundle key
 * @param gotoolchain the GOTOOLCHAIN in effect and where it comes from
 * @param start       the go a new terminal finds first on PATH, when there is one
 * @param outcome     what {@code go} runs in the folder
 * @param needs       per valid request: the Go it needs and the installed version that gives it
 * @param conflicts   requests that contradict each other
 * @param missing     what {@code --install} installs: versions as the install command takes them ("1.22.12", "1.22")
 * @param advice      a bundle key of what to do first (e.g. the env script predates the go1.X.Y commands), or null
 * @param folderHook  whether new terminals set GOTOOLCHAIN for folders with only .go-version / .tool-versions
 */
public record ProjectReport(ProjectFiles files, Optional<Request.Source> winner, String winnerWhy, Gotoolchain gotoolchain,
                            Optional<StartGo> start, Outcome outcome, List<Need> needs, List<Conflict> conflicts,
                            List<String> missing, String advice, FolderHook folderHook) {

    public ProjectReport(ProjectFiles files, Optional<Request.Source> winner, String winnerWhy, Gotoolchain gotoolchain,
                         Optional<StartGo> start, Outcome outcome, List<Need> needs, List<Conflict> conflicts,
                         List<String> missing, String advice) {
        this(files, winner, winnerWhy, gotoolchain, start, outcome, needs, conflicts, missing, advice, FolderHook.OFF);
    }

    public ProjectReport withAdvice(String key) {
        return new ProjectReport(files, winner, winnerWhy, gotoolchain, start, outcome, needs, conflicts, missing, key, folderHook);
    }

    public ProjectReport withFolderHook(FolderHook state) {
        return new ProjectReport(files, winner, winnerWhy, gotoolchain, start, outcome, needs, conflicts, missing, advice, state);
    }

    /**
     * gosetup's opt-in per-folder Go (shell/FolderGoHook) in the new terminal's env script: off (not chosen, or the
     * script predates the choice: {@code gosetup env --folder-versions --apply}), on, or chosen but left out of
     * the script because the GOTOOLCHAIN setting (local, a fixed toolchain) leaves no room for it. On Windows it
     * is at most POWERSHELL_ONLY: PowerShell windows run it, while the new terminal this report describes (cmd, the
     * Windows user environment) does not, so the rest of the report stays as without it.
     */
    public enum FolderHook { OFF, ON, LEFT_OUT, POWERSHELL_ONLY }

    /** Whether the folder's Go comes from a version file that only other tools read (no go.mod or go.work). */
    public boolean versionFileOnly() {
        return files.goFile().isEmpty() && winner.isPresent();
    }

    /** The go first on a new terminal's PATH and its version ("1.21.13"; "" when it could not be told). */
    public record StartGo(Path binary, String version) {}

    /**
     * @param request   the request
     * @param toolchain the version it resolves to ("go1.22.12"), or the line for an open one ("go1.22.x")
     * @param installed the installed version that gives it (for a line: the newest installed of it)
     */
    public record Need(Request request, String toolchain, Optional<GoVersion> installed) {}

    /** {@code key}: project.conflict.older (b asks for less than a requires) or project.conflict.differs. */
    public record Conflict(Request a, Request b, String key) {}

    public enum Result {
        /** No go on a new terminal's PATH. */
        NO_GO,
        /** The go that starts runs (it is new enough, GOTOOLCHAIN=local, toolchain default, or nothing asks). */
        LOCAL,
        /** The go that starts is older than 1.21: it cannot switch, whatever go.mod says. */
        LOCAL_TOO_OLD_TO_SWITCH,
        /** go runs {@code toolchain} found on PATH. */
        SWITCH_FROM_PATH,
        /** GOTOOLCHAIN=auto and no {@code toolchain} on PATH: go downloads it from GOPROXY (not one of gosetup's). */
        DOWNLOAD,
        /** GOTOOLCHAIN=path (or +path) and no {@code toolchain} on PATH: go refuses, as its message says. */
        REFUSED,
        /** GOTOOLCHAIN's value is not one go accepts: every go command fails. */
        INVALID_GOTOOLCHAIN
    }

    /**
     * @param result    what happens
     * @param toolchain the toolchain name go looks for or runs ("go1.22.12"); null for LOCAL/NO_GO
     * @param runs      the go binary that runs, when known (the start go, or the go1.X.Y found on PATH)
     * @param verified  whether that binary is an install of gosetup's (in the install root)
     * @param whyKey    the bundle key of the reason (e.g. project.why.localNewEnough)
     * @param goMessage for REFUSED, the go command's own message
     */
    public record Outcome(Result result, String toolchain, Path runs, boolean verified, String whyKey, String goMessage) {}
}
