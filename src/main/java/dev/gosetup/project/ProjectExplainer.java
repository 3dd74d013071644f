package dev.gosetup.project;

import dev.gosetup.release.GoVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Works out what {@code go} runs in a project folder by the go command's own rules (cmd/go's toolchain.Select,
 * see go.dev/doc/toolchain): GOTOOLCHAIN's minimum and mode, then, with auto or path, the go.work or go.mod
 * {@code go} and {@code toolchain} lines; {@code go 1.22} asks for go1.22.0 from 1.21 on; a toolchain line counts
 * only when newer than the go line; {@code toolchain default} switches nothing; the chosen go1.X.Y is looked up on
 * PATH, then downloaded (auto) or refused (path). Also says what .go-version and .tool-versions ask for, which
 * installed version gives each request, what contradicts what, and what is missing.
 */
public final class ProjectExplainer {
    private final Path sdkRoot;
    private final List<GoVersion> installed;
    private final Function<String, Optional<Path>> lookPath;

    /**
     * @param sdkRoot   gosetup's install root (what is found there is verified)
     * @param installed the versions installed there
     * @param lookPath  where a command name is found on a new terminal's PATH
     */
    public ProjectExplainer(Path sdkRoot, List<GoVersion> installed, Function<String, Optional<Path>> lookPath) {
        this.sdkRoot = sdkRoot.toAbsolutePath().normalize();
        this.installed = List.copyOf(installed);
        this.lookPath = lookPath;
    }

    public ProjectReport explain(ProjectFiles files, Gotoolchain gotoolchain, Optional<ProjectReport.StartGo> start) {
        Optional<Request.Source> winner;
        String why;
        Optional<Request.Source> goSource = files.goWork().isPresent() ? Optional.of(Request.Source.GO_WORK)
                : files.goMod().isPresent() ? Optional.of(Request.Source.GO_MOD) : Optional.empty();
        if (goSource.isPresent()) {
            winner = goSource;
            why = goSource.get() == Request.Source.GO_WORK ? (files.goMod().isPresent() ? "project.winner.goWorkOverGoMod" : "project.winner.goWork")
                    : "project.winner.goMod";
        } else {
            winner = versionFileWinner(files);
            why = winner.isPresent() ? "project.winner.versionFile" : "project.winner.none";
        }
        ProjectReport.Outcome outcome = outcome(files, goSource, gotoolchain, start);
        List<ProjectReport.Need> needs = new ArrayList<>();
        for (Request r : files.requests()) {
            if (goSource.isPresent() && r.source().readByGo() && r.source() != goSource.get()) {
                continue; // go.mod under a go.work: the go command does not read it for the toolchain
            }
            need(r).ifPresent(needs::add);
        }
        List<ProjectReport.Conflict> conflicts = conflicts(files, goSource);
        List<String> missing = missing(files, goSource, winner, outcome, needs);
        return new ProjectReport(files, winner, why, gotoolchain, start, outcome, List.copyOf(needs), conflicts, missing, null);
    }

    /**
     * The toolchain gosetup's per-folder Go (shell/FolderGoHook) names in a folder that has only a version file:
     * the winning file's exact version, or the newest installed patch of its line; empty when there is a go.mod or
     * go.work (go decides), no version file, or a line with nothing installed — as the hook itself finds it.
     */
    public Optional<Request> folderHookRequest(ProjectFiles files) {
        if (files.goFile().isPresent()) {
            return Optional.empty();
        }
        return versionFileWinner(files).flatMap(src -> files.requests().stream().filter(r -> r.source() == src).findFirst());
    }

    /** "go1.22.12" for the request as the hook resolves it, or empty (invalid, or a line with nothing installed). */
    public Optional<String> folderHookToolchain(Request r) {
        return switch (r.kind()) {
            case EXACT -> Optional.of("go" + r.version());
            case LINE -> newestOfLine(r.version()).map(GoVersion::name);
            default -> Optional.empty();
        };
    }

    /** Without go.mod: the nearer of .go-version and .tool-versions (goenv and asdf each read their own; mise reads both). */
    private static Optional<Request.Source> versionFileWinner(ProjectFiles files) {
        if (files.goVersion().isPresent() && files.toolVersions().isPresent()) {
            return files.goVersion().get().getNameCount() >= files.toolVersions().get().getNameCount()
                    ? Optional.of(Request.Source.GO_VERSION) : Optional.of(Request.Source.TOOL_VERSIONS);
        }
        return files.goVersion().isPresent() ? Optional.of(Request.Source.GO_VERSION)
                : files.toolVersions().map(f -> Request.Source.TOOL_VERSIONS);
    }

    /** cmd/go's Select, step by step. */
    private ProjectReport.Outcome outcome(ProjectFiles files, Optional<Request.Source> goSource, Gotoolchain gotoolchain,
                                          Optional<ProjectReport.StartGo> start) {
        if (start.isEmpty()) {
            return new ProjectReport.Outcome(ProjectReport.Result.NO_GO, null, null, false, "project.why.noGo", null);
        }
        Path startBinary = start.get().binary();
        String local = start.get().version();
        boolean startVerified = isOurs(startBinary);
        if (local.isEmpty() || GoVersions.compare(local, "1.21") < 0) {
            return new ProjectReport.Outcome(ProjectReport.Result.LOCAL_TOO_OLD_TO_SWITCH, null, startBinary, startVerified,
                    "project.why.tooOldToSwitch", null);
        }
        String value = gotoolchain.value();
        if (value.isEmpty()) {
            return new ProjectReport.Outcome(ProjectReport.Result.LOCAL, null, startBinary, startVerified, "project.why.unset", null);
        }
        Gotoolchain.Mode mode = gotoolchain.mode();
        if (!mode.valid()) {
            return new ProjectReport.Outcome(ProjectReport.Result.INVALID_GOTOOLCHAIN, null, null, false, "project.why.invalid",
                    "go: invalid GOTOOLCHAIN \"" + value + "\"");
        }
        String toolchain = mode.minimum().equals("local") ? "go" + local : mode.minimum();
        String minVers = mode.minimum().equals("local") ? local : GoVersions.fromToolchain(mode.minimum());
        String whyKey = mode.minimum().equals("local") ? "project.why.localNewEnough" : "project.why.minimum";
        if (mode.minimum().equals("local") && !mode.readsGoMod()) {
            whyKey = "project.why.local";
        }
        if (mode.readsGoMod() && goSource.isPresent()) {
            Request.Source src = goSource.get();
            Optional<Request> go = files.requests().stream().filter(r -> r.source() == src && r.key().equals("go")).findFirst();
            Optional<Request> tc = files.requests().stream().filter(r -> r.source() == src && r.key().equals("toolchain")).findFirst();
            if (tc.isPresent() && tc.get().kind() == Request.Kind.DEFAULT) {
                whyKey = "project.why.toolchainDefault";
            } else {
                if (tc.isPresent() && tc.get().kind() == Request.Kind.INVALID) {
                    return new ProjectReport.Outcome(ProjectReport.Result.INVALID_GOTOOLCHAIN, null, null, false, "project.why.invalidToolchainLine",
                            "go: invalid toolchain \"" + tc.get().raw() + "\" in " + src.fileName);
                }
                if (tc.isPresent() && GoVersions.compare(tc.get().version(), minVers) > 0) {
                    toolchain = tc.get().raw();
                    minVers = tc.get().version();
                    whyKey = "project.why.toolchainLine";
                }
                String goVers = go.filter(r -> r.kind() == Request.Kind.MINIMUM).map(Request::version).orElse("");
                if (GoVersions.compare(goVers, minVers) > 0) {
                    toolchain = "go" + goVers + (GoVersions.isLang(goVers) && GoVersions.compare(goVers, "1.21") >= 0 ? ".0" : "");
                    whyKey = "project.why.goLine";
                }
            }
        }
        if (toolchain.equals("local") || toolchain.equals("go" + local)) {
            return new ProjectReport.Outcome(ProjectReport.Result.LOCAL, null, startBinary, startVerified, whyKey, null);
        }
        Optional<Path> found = lookPath.apply(toolchain);
        if (found.isPresent()) {
            return new ProjectReport.Outcome(ProjectReport.Result.SWITCH_FROM_PATH, toolchain, found.get(), isOurs(found.get()), whyKey, null);
        }
        if (mode.pathOnly()) {
            return new ProjectReport.Outcome(ProjectReport.Result.REFUSED, toolchain, null, false, whyKey,
                    "go: cannot find \"" + toolchain + "\" in PATH");
        }
        return new ProjectReport.Outcome(ProjectReport.Result.DOWNLOAD, toolchain, null, false, whyKey, null);
    }

    /** Whether a binary is (a link into) a version in gosetup's install root. */
    private boolean isOurs(Path binary) {
        try {
            Path real = binary.toRealPath();
            return real.startsWith(sdkRoot.toRealPath());
        } catch (java.io.IOException e) {
            return binary.toAbsolutePath().normalize().startsWith(sdkRoot);
        }
    }

    private Optional<ProjectReport.Need> need(Request r) {
        return switch (r.kind()) {
            case MINIMUM -> {
                String exact = r.version() + (GoVersions.isLang(r.version()) && GoVersions.compare(r.version(), "1.21") >= 0 ? ".0" : "");
                // At least this: the oldest installed version that is new enough gives it without a switch beyond it.
                Optional<GoVersion> any = installed.stream().filter(v -> GoVersions.compare(bare(v), exact) >= 0)
                        .min(Comparator.naturalOrder());
                yield Optional.of(new ProjectReport.Need(r, "go" + exact, any));
            }
            case TOOLCHAIN, EXACT -> Optional.of(new ProjectReport.Need(r, "go" + r.version(), exact(r.version())));
            case LINE -> Optional.of(new ProjectReport.Need(r, "go" + r.version() + ".x", newestOfLine(r.version())));
            case DEFAULT, INVALID -> Optional.empty();
        };
    }

    private Optional<GoVersion> exact(String version) {
        return installed.stream().filter(v -> GoVersions.compare(bare(v), version) == 0 && bare(v).equals(version)).findFirst();
    }

    private Optional<GoVersion> newestOfLine(String line) {
        return installed.stream().filter(v -> GoVersions.lang(bare(v)).equals(line)).max(Comparator.naturalOrder());
    }

    private static String bare(GoVersion v) {
        return v.name().startsWith("go") ? v.name().substring(2) : v.name();
    }

    /**
     * What the go command reads against what goenv/asdf read: older than the module's minimum is a contradiction
     * (that Go cannot build it); another version or line is a difference worth saying. .go-version against
     * .tool-versions likewise.
     */
    private static List<ProjectReport.Conflict> conflicts(ProjectFiles files, Optional<Request.Source> goSource) {
        List<ProjectReport.Conflict> out = new ArrayList<>();
        List<Request> versionFiles = files.requests().stream()
                .filter(r -> !r.source().readByGo() && (r.kind() == Request.Kind.EXACT || r.kind() == Request.Kind.LINE)).toList();
        if (goSource.isPresent()) {
            Request.Source src = goSource.get();
            Optional<Request> min = files.requests().stream().filter(r -> r.source() == src && r.kind() == Request.Kind.MINIMUM).findFirst();
            Optional<Request> tc = files.requests().stream().filter(r -> r.source() == src && r.kind() == Request.Kind.TOOLCHAIN).findFirst();
            for (Request v : versionFiles) {
                String asked = v.kind() == Request.Kind.LINE ? v.version() + ".999999" : v.version(); // a line: its newest patch
                if (min.isPresent() && GoVersions.compare(asked, min.get().version()) < 0) {
                    out.add(new ProjectReport.Conflict(min.get(), v, "project.conflict.older"));
                } else if (tc.isPresent() && !sameOrInLine(v, tc.get().version())) {
                    out.add(new ProjectReport.Conflict(tc.get(), v, "project.conflict.differs"));
                } else if (tc.isEmpty() && min.isPresent() && !GoVersions.lang(v.version()).equals(GoVersions.lang(min.get().version()))) {
                    out.add(new ProjectReport.Conflict(min.get(), v, "project.conflict.differs"));
                }
            }
        }
        for (int i = 0; i + 1 < versionFiles.size(); i++) {
            Request a = versionFiles.get(i);
            Request b = versionFiles.get(i + 1);
            if (!(a.kind() == b.kind() && a.version().equals(b.version())) && !sameOrInLine(a, b.version()) && !sameOrInLine(b, a.version())) {
                out.add(new ProjectReport.Conflict(a, b, "project.conflict.differs"));
            }
        }
        return List.copyOf(out);
    }

    private static boolean sameOrInLine(Request r, String version) {
        return r.kind() == Request.Kind.LINE ? GoVersions.lang(version).equals(r.version()) : GoVersions.compare(r.version(), version) == 0;
    }

    /**
     * What to install so the project gets its Go from gosetup: the toolchain the go command would download or
     * refuse, the module's minimum when the go that starts is too old to switch, or the winning version file's
     * version when there is no go.mod.
     */
    private List<String> missing(ProjectFiles files, Optional<Request.Source> goSource, Optional<Request.Source> winner,
                                 ProjectReport.Outcome outcome, List<ProjectReport.Need> needs) {
        Set<String> out = new LinkedHashSet<>();
        switch (outcome.result()) {
            case DOWNLOAD, REFUSED -> out.add(GoVersions.fromToolchain(outcome.toolchain()));
            default -> {
                if (outcome.result() == ProjectReport.Result.LOCAL_TOO_OLD_TO_SWITCH || outcome.result() == ProjectReport.Result.NO_GO) {
                    goSource.ifPresent(src -> needs.stream().filter(n -> n.request().source() == src && n.installed().isEmpty()
                            && n.request().kind() != Request.Kind.LINE).reduce((a, b) -> GoVersions.compare(
                                    a.toolchain().substring(2), b.toolchain().substring(2)) >= 0 ? a : b)
                            .ifPresent(n -> out.add(n.toolchain().substring(2))));
                }
            }
        }
        if (goSource.isEmpty() && winner.isPresent()) {
            needs.stream().filter(n -> n.request().source() == winner.get() && n.installed().isEmpty())
                    .forEach(n -> out.add(n.request().version()));
        }
        out.removeIf(String::isEmpty);
        return List.copyOf(out);
    }
}
