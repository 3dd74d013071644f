package dev.gosetup.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the policy file is, first match wins:
 * <ol>
 * <li>{@code --policy FILE} on the command line;</li>
 * <li>the system property {@value #PROPERTY}, which an installer sets to the file it carries;</li>
 * <li>the OS location: /etc/gosetup/policy.json, /Library/Application Support/gosetup/policy.json,
 *     %ProgramData%\gosetup\policy.json;</li>
 * <li>the policy baked into an installer ({@code mvn -Pinstaller package -Dinstaller.policy=FILE}): the
 *     image names {@code $APPDIR/policy.json} in {@value #BAKED_PROPERTY}.</li>
 * </ol>
 * A file named by the first two must exist (a missing one is a broken policy, not "unmanaged"); the OS
 * location and the baked file apply only when the file is there (every installed image names the baked
 * file, few carry one). The OS location beats the baked file: it is what MDM deploys to a machine later,
 * over the installer's defaults.
 */
public final class PolicyLocation {
    public static final String PROPERTY = "gosetup.policy";
    public static final String BAKED_PROPERTY = "gosetup.policy.baked";

    private PolicyLocation() {}

    /** A policy file that was named explicitly, or found in the OS location. */
    public record Found(Path file, boolean explicit) {}

    /** For this process: the system property, else the OS location, else the installer's baked file. */
    public static Optional<Found> forThisMachine() {
        return find(null, System.getProperty(PROPERTY), System.getProperty("os.name", ""), System.getenv(),
                System.getProperty(BAKED_PROPERTY));
    }

    public static Optional<Found> find(Path option, String property, String osName, Map<String, String> env) {
        return find(option, property, osName, env, null);
    }

    public static Optional<Found> find(Path option, String property, String osName, Map<String, String> env,
                                       String baked) {
        if (option != null) {
            return Optional.of(new Found(option.toAbsolutePath(), true));
        }
        if (property != null && !property.isBlank()) {
            return Optional.of(new Found(Path.of(property.strip()).toAbsolutePath(), true));
        }
        Path standard = osLocation(osName, env);
        if (Files.exists(standard)) {
            return Optional.of(new Found(standard, false));
        }
        if (baked != null && !baked.isBlank() && Files.exists(Path.of(baked))) {
            return Optional.of(new Found(Path.of(baked).toAbsolutePath(), false));
        }
        return Optional.empty();
    }

    /** Where IT puts the file on each OS (docs/it-guide.md). */
    public static Path osLocation(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return Path.of("/Library/Application Support/gosetup/policy.json");
        }
        if (os.startsWith("windows")) {
            String programData = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            return Path.of(programData, "gosetup", "policy.json");
        }
        return Path.of("/etc/gosetup/policy.json");
    }
}
