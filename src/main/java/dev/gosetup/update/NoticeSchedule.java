package dev.gosetup.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * When the window last looked for a newer Go: at most once a day, so that starting the app ten times does not ask
 * go.dev ten times or show the same banner ten times. Kept in {@code update-check.json} in the settings folder
 * (the user's, whatever install root is in use). A missing, unreadable or future time (a clock set back) means
 * "due".
 */
public final class NoticeSchedule {
    public static final Duration INTERVAL = Duration.ofDays(1);
    static final String FILE = "update-check.json";
    private static final Logger LOG = Logger.getLogger(NoticeSchedule.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public NoticeSchedule(Path configDir, Clock clock) {
        this.file = configDir.resolve(FILE);
        this.clock = clock;
    }

    public Optional<Instant> lastCheck() {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode n = JSON.readTree(in.readNBytes(4096));
            JsonNode at = n == null ? null : n.get("lastCheck");
            return at != null && at.isTextual() ? Optional.of(Instant.parse(at.asText())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warning("Ignoring " + file + ": " + e);
            return Optional.empty();
        }
    }

    /** Whether a day has passed since the last check (or there was none, or it lies in the future). */
    public boolean due() {
        Instant now = clock.instant();
        return lastCheck().map(last -> last.isAfter(now) || !now.isBefore(last.plus(INTERVAL))).orElse(true);
    }

    /** Notes that a check ran now; a failure to note it only means the next start checks again. */
    public void markChecked() {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(JSON.createObjectNode().put("lastCheck", clock.instant().toString())));
        } catch (IOException e) {
            LOG.warning("Could not note the update check in " + file + ": " + e);
        }
    }
}
