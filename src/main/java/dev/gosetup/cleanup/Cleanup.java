package dev.gosetup.cleanup;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What can be freed safely, and freeing it: installed versions that are neither active nor needed by a known
 * project (removed through {@link SdkRoot#remove}, under the install lock), interrupted staging/trash folders
 * and {@code .partial} downloads, and Go's build and module caches (cleaned by the active go itself: {@code go
 * clean -cache} / {@code -modcache}, which knows their layout and the module cache's read-only files). Anything
 * in the install root that gosetup cannot explain is listed as not its own and left alone.
 */
public final class Cleanup {
    /** The choices a user ticks, one per kind of thing to free. */
    public enum Choice { VERSIONS, LEFTOVERS, BUILD_CACHE, MODULE_CACHE }

    /**
     * One thing that can be freed.
     *
     * @param name a version ("go1.21.13"), a file or folder name, or the cache's path
     */
    public record Item(Choice choice, String name, Path path, TreeSize.Size size) {}

    /**
     * @param items    what can be freed, by choice
     * @param kept     installed versions kept, with why: "active" or the project folder that needs it
     * @param notOurs  entries of the install root gosetup cannot explain: never touched
     * @param goBinary the active go that cleans the caches, or null (then the caches are not offered)
     */
    public record Plan(List<Item> items, Map<GoVersion, String> kept, List<Path> notOurs, Path goBinary) {
        public long bytes(Choice c) {
            return items.stream().filter(i -> i.choice() == c).mapToLong(i -> i.size().bytes()).sum();
        }

        public List<Item> of(Choice c) {
            return items.stream().filter(i -> i.choice() == c).toList();
        }
    }

    /** What one choice freed: bytes before minus after (caches are measured again), or the problem that stopped it. */
    public record Freed(Choice choice, long bytes, List<String> done, Problem problem) {}

    private final SdkRoot sdk;
    private final Map<String, String> env;

    /** @param env the environment go runs with (GOCACHE, GOMODCACHE, GOFLAGS as the user has them) */
    public Cleanup(SdkRoot sdk, Map<String, String> env) {
        this.sdk = sdk;
        this.env = Map.copyOf(env);
    }

    /**
     * @param needed installed versions a known project needs, each with the project folder that needs it
     */
    public Plan scan(Map<GoVersion, Path> needed) throws IOException {
        List<Item> items = new ArrayList<>();
        java.util.LinkedHashMap<GoVersion, String> kept = new java.util.LinkedHashMap<>();
        Optional<GoVersion> active = sdk.active();
        for (GoVersion v : sdk.installed()) {
            if (active.map(a -> a.sameAs(v)).orElse(false)) {
                kept.put(v, "active");
            } else if (needed.keySet().stream().anyMatch(n -> n.sameAs(v))) {
                kept.put(v, needed.entrySet().stream().filter(e -> e.getKey().sameAs(v)).findFirst().orElseThrow().getValue().toString());
            } else {
                items.add(new Item(Choice.VERSIONS, v.name(), sdk.versionDir(v), TreeSize.of(sdk.versionDir(v))));
            }
        }
        for (Path p : sdk.leftovers()) {
            items.add(new Item(Choice.LEFTOVERS, p.getFileName().toString(), p, TreeSize.of(p)));
        }
        for (Path p : partials()) {
            items.add(new Item(Choice.LEFTOVERS, p.getFileName().toString(), p, TreeSize.of(p)));
        }
        Path go = activeGo();
        if (go != null) {
            Map<String, String> dirs = goEnv(go, "GOCACHE", "GOMODCACHE");
            cacheItem(Choice.BUILD_CACHE, dirs.get("GOCACHE")).ifPresent(items::add);
            cacheItem(Choice.MODULE_CACHE, dirs.get("GOMODCACHE")).ifPresent(items::add);
        }
        return new Plan(List.copyOf(items), kept, notOurs(), go);
    }

    private Optional<Item> cacheItem(Choice c, String dir) {
        if (dir == null || dir.isBlank() || dir.equals("off")) {
            return Optional.empty();
        }
        Path p = Path.of(dir);
        return p.isAbsolute() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(new Item(c, p.toString(), p, TreeSize.of(p))) : Optional.empty();
    }

    /** {@code .partial} downloads and their {@code .validator} notes, never through a link. */
    List<Path> partials() throws IOException {
        List<Path> out = new ArrayList<>();
        Path downloads = sdk.downloads();
        if (!Files.isDirectory(downloads, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(downloads)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".partial") || name.endsWith(".partial.validator")) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Entries of the install root that are neither an installed version nor one of gosetup's own names. */
    List<Path> notOurs() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(sdk.path())) {
            return out;
        }
        Set<String> versions = new java.util.HashSet<>();
        for (GoVersion v : sdk.installed()) {
            versions.add(v.name());
        }
        Set<String> leftovers = new java.util.HashSet<>();
        for (Path p : sdk.leftovers()) {
            leftovers.add(p.getFileName().toString());
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(sdk.path())) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                boolean ownButUnmarked = (name.startsWith(".staging-") || name.startsWith(".trash-") || name.startsWith(".go-link-"))
                        && !leftovers.contains(name);
                if (versions.contains(name) || (SdkRoot.ownName(name) && !ownButUnmarked) || name.startsWith(".go")
                        && name.endsWith(".gosetup-tmp")) {
                    continue;
                }
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    private Path activeGo() {
        Path go = sdk.path().resolve(SdkRoot.ACTIVE_LINK).resolve("bin")
                .resolve(System.getProperty("os.name", "").startsWith("Windows") ? "go.exe" : "go");
        return sdk.active().isPresent() && Files.isRegularFile(go) ? go : null;
    }

    /**
     * Frees what was chosen. Versions and leftovers are removed under the install lock (a running install
     * refuses them: {@link SdkRoot.InstallBusyException}); the caches are cleaned by the active go.
     */
    public List<Freed> free(Plan plan, Set<Choice> chosen) throws IOException {
        List<Freed> out = new ArrayList<>();
        if (chosen.contains(Choice.VERSIONS) || chosen.contains(Choice.LEFTOVERS)) {
            SdkRoot.Lock held;
            try {
                held = sdk.lock("cleanup");
            } catch (SdkRoot.InstallBusyException busy) {
                // an install or removal is running: nothing of the install root is touched; the caches still may be
                for (Choice c : List.of(Choice.VERSIONS, Choice.LEFTOVERS)) {
                    if (chosen.contains(c)) {
                        out.add(new Freed(c, 0, List.of(), busy.problem()));
                    }
                }
                held = null;
            }
            if (held != null) try (SdkRoot.Lock lock = held) {
                if (chosen.contains(Choice.VERSIONS)) {
                    out.add(removeVersions(plan));
                }
                if (chosen.contains(Choice.LEFTOVERS)) {
                    long bytes = plan.bytes(Choice.LEFTOVERS);
                    sdk.cleanLeftovers();
                    List<String> done = new ArrayList<>();
                    for (Path p : partials()) {
                        Files.deleteIfExists(p);
                        done.add(p.getFileName().toString());
                    }
                    plan.of(Choice.LEFTOVERS).forEach(i -> { if (!done.contains(i.name())) done.add(i.name()); });
                    out.add(new Freed(Choice.LEFTOVERS, bytes, done, null));
                }
            }
        }
        for (Choice c : List.of(Choice.BUILD_CACHE, Choice.MODULE_CACHE)) {
            if (chosen.contains(c) && !plan.of(c).isEmpty()) {
                out.add(cleanCache(plan, c));
            }
        }
        return out;
    }

    private Freed removeVersions(Plan plan) {
        long bytes = 0;
        List<String> done = new ArrayList<>();
        for (Item i : plan.of(Choice.VERSIONS)) {
            GoVersion v = GoVersion.parse(i.name()).orElseThrow();
            try {
                sdk.remove(v); // the same removal as `gosetup remove`: never the active one, only what is installed
                bytes += i.size().bytes();
                done.add(i.name());
            } catch (IOException e) {
                return new Freed(Choice.VERSIONS, bytes, done, dev.gosetup.i18n.Problems.of(e));
            }
        }
        return new Freed(Choice.VERSIONS, bytes, done, null);
    }

    private Freed cleanCache(Plan plan, Choice c) {
        Item item = plan.of(c).getFirst();
        String flag = c == Choice.BUILD_CACHE ? "-cache" : "-modcache";
        try {
            run(plan.goBinary(), Duration.ofMinutes(10), "clean", flag);
        } catch (ProblemException e) {
            return new Freed(c, 0, List.of(), e.problem());
        }
        long after = TreeSize.of(item.path()).bytes();
        return new Freed(c, Math.max(0, item.size().bytes() - after), List.of(item.name()), null);
    }

    /** {@code go env NAME…}: one value per line, in order. */
    Map<String, String> goEnv(Path go, String... names) {
        List<String> args = new ArrayList<>(List.of("env"));
        args.addAll(List.of(names));
        try {
            List<String> lines = run(go, Duration.ofSeconds(30), args.toArray(String[]::new)).lines().toList();
            Map<String, String> out = new java.util.HashMap<>();
            for (int i = 0; i < names.length && i < lines.size(); i++) {
                out.put(names[i], lines.get(i).strip());
            }
            return out;
        } catch (ProblemException e) {
            return Map.of(); // no caches offered when go cannot say where they are
        }
    }

    private String run(Path go, Duration timeout, String... args) throws ProblemException {
        List<String> command = new ArrayList<>();
        command.add(go.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("GOTOOLCHAIN", "local"); // the active go cleans; it must not download another first
        Path out = null;
        try {
            out = Files.createTempFile("gosetup-go", ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ProblemException(Problem.of("cleanup.goTimedOut", String.join(" ", command), timeout));
            }
            String text = new String(readBounded(out), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new ProblemException(Problem.of("cleanup.goFailed", String.join(" ", command), p.exitValue(), text.strip()));
            }
            return text;
        } catch (IOException e) {
            throw new ProblemException(Problem.of("cleanup.goFailed", String.join(" ", command), -1, dev.gosetup.i18n.Problems.of(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of("cleanup.goTimedOut", String.join(" ", command), timeout), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static byte[] readBounded(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        }
    }
}
