package dev.gosetup.tools;

import dev.gosetup.i18n.Problem;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the binaries of the bin folders (GOBIN, each GOPATH/bin) with what their build information says, judged
 * against the active Go and this machine's CPU. Nothing is run; every file is read with {@link GoBinaryReader}.
 */
public final class ToolScan {
    /** A bin folder with more entries than this is not a folder of tools; the rest is left unread and said. */
    static final int MAX_ENTRIES = 2000;

    /**
     * @param dirs       the folders, each listed once
     * @param tools      every file found, by folder then name
     * @param dirProblems folders that could not be listed (other than missing ones), or were cut short
     */
    public record Result(GoBinDirs dirs, GoVersion active, String hostArch, List<Tool> tools, List<Problem> dirProblems) {
        public Result {
            tools = List.copyOf(tools);
            dirProblems = List.copyOf(dirProblems);
        }

        public List<Tool> named(List<String> names) {
            return names.isEmpty() ? tools : tools.stream().filter(t -> names.contains(t.name())).toList();
        }
    }

    private ToolScan() {}

    /** Reads the given files as they are (no judgement): for a fix that acts on one tool a finding named. */
    public static Result scanFiles(List<Path> files) {
        List<Tool> tools = files.stream().map(f -> Tool.judge(GoBinaryReader.read(f, System.getProperty("user.name")), null, null)).toList();
        return new Result(new GoBinDirs(null, List.of()), null, null, tools, List.of());
    }

    /**
     * @param active   the active Go's version, or null when none (nothing is then "older")
     * @param hostArch this machine's native CPU as Go names it (HostInfo.arch(), which sees through Rosetta), or null
     * @param owner    the user whose files these should be (others' are read and reported), or null
     */
    public static Result scan(GoBinDirs dirs, GoVersion active, String hostArch, String owner) {
        List<Tool> tools = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path dir : dirs.dirs()) {
            if (!Files.isDirectory(dir)) {
                continue; // no GOPATH/bin yet: nothing installed there
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    if (files.size() >= MAX_ENTRIES) {
                        problems.add(Problem.of("tools.tooManyFiles", dir, MAX_ENTRIES));
                        break;
                    }
                    if (!p.getFileName().toString().startsWith(".")) { // go install's temporary files, editors' droppings
                        files.add(p);
                    }
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                problems.add(dev.gosetup.i18n.Problems.of(e instanceof java.nio.file.DirectoryIteratorException d ? d.getCause() : e));
                continue;
            }
            files.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path f : files) {
                ToolBinary b = GoBinaryReader.read(f, owner);
                if (b.kind() == ToolBinary.Kind.UNREADABLE && b.problem() != null && b.problem().key().equals("tools.isFolder")) {
                    continue; // a folder inside bin is no tool
                }
                tools.add(Tool.judge(b, active, hostArch));
            }
        }
        return new Result(dirs, active, hostArch, tools, problems);
    }
}
