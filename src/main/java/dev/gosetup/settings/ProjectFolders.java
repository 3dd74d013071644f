package dev.gosetup.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The project folders the Projects page remembers: {@code projects.json} beside settings.json, a JSON array of
 * absolute paths, written atomically. A file of its own rather than a field of {@link Settings}: the list grows
 * with use, and a damaged list must not cost the user their settings (it is read as empty, and logged).
 */
public final class ProjectFolders {
    private static final Logger LOG = Logger.getLogger(ProjectFolders.class.getName());
    /** More is not a list anyone keeps by hand; the rest is ignored. */
    static final int MAX = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public ProjectFolders(Path configDir) {
        this.file = configDir.resolve("projects.json");
    }

    public Path file() {
        return file;
    }

    public List<Path> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > 1 << 20) {
                LOG.warning("Project list " + file + " is over 1 MiB, more than a list of folders can be; starting with none");
                return List.of();
            }
            JsonNode root = JSON.readTree(file.toFile());
            LinkedHashSet<Path> out = new LinkedHashSet<>();
            if (root != null && root.isArray()) {
                for (JsonNode n : root) {
                    if (n.isTextual() && out.size() < MAX) {
                        try {
                            Path p = Path.of(n.asText());
                            if (p.isAbsolute()) {
                                out.add(p.normalize());
                            }
                        } catch (java.nio.file.InvalidPathException notAPath) {
                            // skipped
                        }
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Project list " + file + " is unreadable; starting with none", e);
            return List.of();
        }
    }

    public void save(List<Path> folders) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        new ArrayList<>(new LinkedHashSet<>(folders)).stream().limit(MAX).forEach(p -> array.add(p.toAbsolutePath().normalize().toString()));
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(array));
    }
}
