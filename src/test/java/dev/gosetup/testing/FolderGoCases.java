package dev.gosetup.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-folder Go's cases, listed once for every shell's hook (shell/FolderGoHook: folder-go.sh for bash and zsh,
 * folder-go.fish, folder-go.ps1): folder layouts with the GOTOOLCHAIN the hook must set there, and walks between
 * folders with what it must put back. FolderGoHookTest runs them in the real bash, zsh and fish;
 * cli/RealPwshFolderGoTest in the real pwsh and Windows PowerShell on the platform runners; ProjectExplainerTest
 * checks that `gosetup project` names the same toolchain for each folder.
 *
 * <p>Each expected value is what the hook leaves after running in that folder: "go1.X.Y+path", or "-" for unset.
 */
public final class FolderGoCases {
    /** Versions installed with a go binary; go1.22.11 has a bin folder but no go, go1.22.x7 is no version. */
    public static final List<String> INSTALLED = List.of("1.21.13", "1.22.3", "1.22.10", "1.22.9");

    /** A file of a layout: its path below {@link #projects}, and its text ({@code null}: a folder of that name). */
    public record File(String path, String text) {}

    /** A folder below {@link #projects} ("." for the projects folder itself), the files it needs, what the hook sets. */
    public record Layout(String folder, String expected, String why, List<File> files) {}

    private static Layout at(String folder, String expected, String why, File... files) {
        return new Layout(folder, expected, why, List.of(files));
    }

    private static File f(String path, String text) {
        return new File(path, text);
    }

    /** The layouts, in the order the tests visit them (later ones may rely on files an earlier one wrote). */
    public static final List<Layout> LAYOUTS = List.of(
            at("line", "go1.22.10+path", "newest installed 1.22 patch (not 1.22.9 by string order; 1.22.11 has no go)",
                    f("line/.go-version", "1.22\n")),
            at("line/cmd/tool", "go1.22.10+path", "the nearest file above", f("line/cmd/tool", null)),
            at("exact", "go1.22.3+path", "comments, blanks, spaces and CRLF", f("exact/.go-version", "# goenv\n\n  go1.22.3  \r\n")),
            at("linex", "go1.22.10+path", "1.22.x", f("linex/.go-version", "1.22.x")),
            at("bom", "go1.22.3+path", "saved by Notepad: a UTF-8 byte order mark, CRLF", f("bom/.go-version", "\uFEFF1.22.3\r\n")),
            at("bomtools", "go1.21.13+path", "the same for .tool-versions", f("bomtools/.tool-versions", "\uFEFFgolang 1.21.13\r\n")),
            at("asdf", "go1.21.13+path", "asdf: the golang entry's first version",
                    f("asdf/.tool-versions", "nodejs 20.11.0\ngolang 1.21.13 1.20.5 # pinned\n")),
            at("mise", "go1.22.10+path", "mise's go entry, CRLF", f("mise/.tool-versions", "go 1.22\r\n")),
            at("other", "-", ".tool-versions without Go", f("other/.tool-versions", "nodejs 20\n")),
            at("module", "-", "go.mod decides: go reads it itself",
                    f("module/.go-version", "1.21.13\n"), f("module/go.mod", "module example.com/m\n\ngo 1.22.3\n")),
            at("module/sub", "-", "a go.mod above decides too", f("module/sub/.go-version", "1.21.13\n")),
            at("work/svc", "-", "a go.work above decides", f("work/go.work", "go 1.22.3\n\nuse ./svc\n"),
                    f("work/svc/.go-version", "1.21.13\n")),
            at("rc", "go1.23rc1+path", "a release candidate, as written", f("rc/.go-version", "1.23rc1\n")),
            at("beta", "go1.24beta1+path", "a beta with go's prefix", f("beta/.go-version", "go1.24beta1\n")),
            at("exactmissing", "go1.22.5+path", "an exact version is set even when not installed: go then says so",
                    f("exactmissing/.go-version", "1.22.5\n")),
            at("none", "-", "a line with nothing installed", f("none/.go-version", "1.20\n")),
            at("garbage", "-", "not a version", f("garbage/.go-version", "latest\n")),
            at("upper", "-", "GO1.22.3: versions are case-sensitive", f("upper/.go-version", "GO1.22.3\n")),
            at("widedigits", "-", "full-width digits are no version", f("widedigits/.go-version", "1.２２.3\n")),
            at("inject", "-", "not a version, and never run", f("inject/.go-version", "1.22.3$(touch pwned)\n")),
            at("both", "go1.21.13+path", ".go-version before .tool-versions in the same folder",
                    f("both/.go-version", "1.21.13\n"), f("both/.tool-versions", "golang 1.22.3\n")),
            at("asdf/svc", "go1.22.9+path", "the nearer file", f("asdf/svc/.go-version", "1.22.9\n")),
            at("tooltwo", "go1.22.3+path", "an entry without a version is skipped; a comment after the version",
                    f("tooltwo/.tool-versions", "golang\n# go 1.21.13\ngo 1.22.3#pinned\n")),
            at("toolcomment", "-", "a commented-out version is none", f("toolcomment/.tool-versions", "golang # 1.22.3\n")),
            at("emptyfile/inner", "-", "an empty .go-version still decides, over a .tool-versions above",
                    f("emptyfile/.tool-versions", "golang 1.21.13\n"), f("emptyfile/inner/.go-version", "")),
            at("dirnamed", "go1.22.3+path", "a folder named .go-version is no file",
                    f("dirnamed/.go-version", null), f("dirnamed/.tool-versions", "golang 1.22.3\n")),
            at("huge", "-", "over 1 MiB: not read", f("huge/.go-version", "\n".repeat(17 * 64 * 1024) + "1.22.3\n")),
            at("walk/a", "go1.22.3+path", "walks: project a", f("walk/a/.go-version", "1.22.3\n")),
            at("walk/b", "go1.21.13+path", "walks: project b", f("walk/b/.go-version", "1.21.13\n")),
            at("walk/plain", "-", "walks: no version file", f("walk/plain", null)),
            at(".", "-", "the projects folder itself"));

    /** One step of a walk: go to {@code folder}, set GOTOOLCHAIN by hand to {@code byHand} first when not null, expect. */
    public record Step(String folder, String byHand, String expected) {}

    /** A walk between folders, starting with GOTOOLCHAIN {@code before} (null: unset). */
    public record Walk(String name, String before, List<Step> steps) {}

    private static Step to(String folder, String expected) {
        return new Step(folder, null, expected);
    }

    public static final List<Walk> WALKS = List.of(
            new Walk("the user's value comes back", "auto", List.of(to("walk/a", "go1.22.3+path"), to("walk/plain", "auto"),
                    to("walk/b", "go1.21.13+path"), to("walk/a", "go1.22.3+path"), to("walk/plain", "auto"))),
            new Walk("unset before, unset after", null, List.of(to("walk/a", "go1.22.3+path"), to("walk/plain", "-"))),
            new Walk("changed by hand inside the project: the user's value stays, there and after leaving", null,
                    List.of(to("walk/a", "go1.22.3+path"), new Step("walk/a", "local", "local"), to("walk/plain", "local"))));

    private FolderGoCases() {}

    /** The projects folder of a home. */
    public static Path projects(Path home) {
        return home.resolve("src");
    }

    /**
     * Makes the installs under {@code sdk}: each version's bin/go (an executable script that prints its version) or,
     * for Windows, bin/go.exe (only looked for by the hook, never run).
     */
    public static void install(Path sdk, boolean windows) throws IOException {
        for (String v : INSTALLED) {
            Path bin = Files.createDirectories(sdk.resolve("go" + v + "/bin"));
            if (windows) {
                Files.writeString(bin.resolve("go.exe"), "");
            } else {
                // run only by the real POSIX shells (Linux); elsewhere just the file the hook looks for
                HostOs.mode(Files.writeString(bin.resolve("go"), "#!/bin/sh\necho go" + v + "\n"), "rwxr-xr-x");
            }
        }
        Files.createDirectories(sdk.resolve("go1.22.11/bin")); // no go binary: not an install
        Files.createDirectories(sdk.resolve("go1.22.x7/bin"));
    }

    /** Writes every layout's files below {@code projects(home)}; returns the folders of {@link #LAYOUTS}, in order. */
    public static List<Path> layOut(Path home) throws IOException {
        Path root = Files.createDirectories(projects(home));
        for (Layout l : LAYOUTS) {
            for (File file : l.files()) {
                Path p = root.resolve(file.path());
                if (file.text() == null) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    try (OutputStream out = Files.newOutputStream(p)) {
                        out.write(file.text().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (Layout l : LAYOUTS) {
            dirs.add(Files.createDirectories(root.resolve(l.folder())).normalize());
        }
        return dirs;
    }

    public static List<String> expected() {
        return LAYOUTS.stream().map(Layout::expected).toList();
    }

    /** "folder: expected (why)" per layout, for assertion messages. */
    public static String describe() {
        StringBuilder s = new StringBuilder();
        LAYOUTS.forEach(l -> s.append(l.folder()).append(": ").append(l.expected()).append(" (").append(l.why()).append(")\n"));
        return s.toString();
    }
}
