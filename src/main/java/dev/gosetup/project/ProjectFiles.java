package dev.gosetup.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a project folder that ask for a Go version, found by walking up from the folder as the go
 * command (go.work, go.mod), goenv (.go-version) and asdf/mise (.tool-versions) do, and what each asks for.
 *
 * @param dir          the folder asked about
 * @param goWork       the go.work in effect (GOWORK, else the nearest one above), when workspace mode is on
 * @param goMod        the nearest go.mod
 * @param goVersion    the nearest .go-version
 * @param toolVersions the nearest .tool-versions with a golang/go entry
 * @param requests     what each of them asks for, in that order
 * @param unreadable   files found but not read (too big, not UTF-8, not readable), with why as a key
 */
public record ProjectFiles(Path dir, Optional<Path> goWork, Optional<Path> goMod, Optional<Path> goVersion,
                           Optional<Path> toolVersions, List<Request> requests, List<Unreadable> unreadable) {
    /** Bigger files are not project files anyone wrote by hand: not read. */
    static final long MAX_BYTES = 1 << 20;
    private static final Pattern LINE_VERSION = Pattern.compile("^(?:go)?(\\d+\\.\\d+)(?:\\.x)?$");
    private static final Pattern TOOL_VERSIONS_ENTRY = Pattern.compile("^(golang|go)\\s+(\\S+)");

    public record Unreadable(Path file, String reasonKey) {}

    /** The file the go command reads to choose a toolchain: go.work in workspace mode, else go.mod. */
    public Optional<Path> goFile() {
        return goWork.isPresent() ? goWork : goMod;
    }

    public static ProjectFiles read(Path dir, Map<String, String> env) {
        Path start = dir.toAbsolutePath().normalize();
        List<Request> requests = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        Optional<Path> goWork = goWork(start, env.get("GOWORK"));
        Optional<Path> goMod = nearest(start, "go.mod");
        Optional<Path> goVersion = nearest(start, ".go-version");
        Optional<Path> toolVersions = Optional.empty();
        goWork.ifPresent(f -> text(f, unreadable).ifPresent(t -> goLines(Request.Source.GO_WORK, f, t, requests)));
        goMod.ifPresent(f -> text(f, unreadable).ifPresent(t -> goLines(Request.Source.GO_MOD, f, t, requests)));
        goVersion.ifPresent(f -> text(f, unreadable).ifPresent(t -> goVersionFile(f, t, requests)));
        // asdf and mise take the nearest .tool-versions that names the tool, and look further up for one that does.
        for (Path d = start; d != null; d = d.getParent()) {
            Path f = d.resolve(".tool-versions");
            if (Files.isRegularFile(f)) {
                Optional<String> t = text(f, unreadable);
                if (t.isPresent() && toolVersionsFile(f, t.get(), requests)) {
                    toolVersions = Optional.of(f);
                    break;
                }
            }
        }
        return new ProjectFiles(start, goWork, goMod, goVersion, toolVersions, List.copyOf(requests), List.copyOf(unreadable));
    }

    /** GOWORK=off: no workspace; GOWORK=FILE: that file; else the nearest go.work above (cmd/go's FindGoWork). */
    private static Optional<Path> goWork(Path start, String gowork) {
        if (gowork != null && gowork.equals("off")) {
            return Optional.empty();
        }
        if (gowork != null && !gowork.isBlank()) {
            Path f = Path.of(gowork);
            return f.isAbsolute() && Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
        }
        return nearest(start, "go.work");
    }

    private static Optional<Path> nearest(Path start, String name) {
        for (Path d = start; d != null; d = d.getParent()) {
            Path f = d.resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Path f, List<Unreadable> unreadable) {
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > MAX_BYTES) {
                unreadable.add(new Unreadable(f, "project.unreadable.size"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(f);
            String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (java.nio.charset.CharacterCodingException e) {
            unreadable.add(new Unreadable(f, "project.unreadable.encoding"));
        } catch (IOException e) {
            unreadable.add(new Unreadable(f, "project.unreadable.io"));
        }
        return Optional.empty();
    }

    private static void goLines(Request.Source source, Path f, String text, List<Request> out) {
        GoModLines.lookup(text, "go").ifPresent(l -> out.add(new Request(source, f, l.number(), "go", Request.shown(l.value()),
                GoVersions.isValid(l.value()) ? Request.Kind.MINIMUM : Request.Kind.INVALID,
                GoVersions.isValid(l.value()) ? l.value() : null)));
        GoModLines.lookup(text, "toolchain").ifPresent(l -> {
            String v = GoVersions.fromToolchain(l.value());
            Request.Kind kind = l.value().equals("default") ? Request.Kind.DEFAULT : v.isEmpty() ? Request.Kind.INVALID : Request.Kind.TOOLCHAIN;
            out.add(new Request(source, f, l.number(), "toolchain", Request.shown(l.value()), kind, v.isEmpty() ? null : v));
        });
    }

    /** goenv and setup-go: the first word of the first line that is not blank or a # comment. */
    private static void goVersionFile(Path f, String text, List<Request> out) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String word = line.split("\\s+")[0];
            out.add(versionRequest(Request.Source.GO_VERSION, f, i + 1, "", word));
            return;
        }
    }

    /** asdf ("golang 1.22.5") and mise ("go 1.22"): the first version of the entry is the one used. */
    private static boolean toolVersionsFile(Path f, String text, List<Request> out) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            Matcher m = TOOL_VERSIONS_ENTRY.matcher(line);
            if (m.find()) {
                out.add(versionRequest(Request.Source.TOOL_VERSIONS, f, i + 1, m.group(1), m.group(2)));
                return true;
            }
        }
        return false;
    }

    /** "1.22.5", "go1.22.5", "1.23rc1": exactly that; "1.22", "1.22.x", "go1.22": the newest 1.22.x. */
    static Request versionRequest(Request.Source source, Path f, int line, String key, String word) {
        Matcher open = LINE_VERSION.matcher(word);
        if (open.matches() && GoVersions.isValid(open.group(1))) {
            return new Request(source, f, line, key, Request.shown(word), Request.Kind.LINE, open.group(1));
        }
        String v = word.startsWith("go") ? word.substring(2) : word;
        if (GoVersions.isValid(v) && !GoVersions.isLang(v) && v.chars().filter(c -> c == '.').count() >= 1) {
            return new Request(source, f, line, key, Request.shown(word), Request.Kind.EXACT, v);
        }
        return new Request(source, f, line, key, Request.shown(word), Request.Kind.INVALID, null);
    }
}
