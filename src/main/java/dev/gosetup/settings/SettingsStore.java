package dev.gosetup.settings;

import dev.gosetup.files.AtomicFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Loads and saves {@link Settings} as JSON; saving writes a temporary sibling and moves it into place. */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The saved settings; defaults when there are none or the file is damaged (kept aside, and logged). */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = json.readValue(file.toFile(), Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (JacksonException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            LOG.log(Level.WARNING, "Settings file " + file + " is not valid JSON; moved to " + aside + ", using defaults", e);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "Could not move the damaged settings aside", moveFailed);
            }
            return Settings.defaults();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read settings " + file + "; using defaults", e);
            return Settings.defaults();
        }
    }

    /** 0600: a mirror or proxy the user enters may carry their password, as ~/.netrc does. */
    public void save(Settings settings) throws IOException {
        AtomicFiles.write(file, json.writeValueAsBytes(settings), dev.gosetup.files.PrivateFolders.FILE);
    }
}
