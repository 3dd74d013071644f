package dev.gosetup.cleanup;

import dev.gosetup.project.ProjectLookup;
import dev.gosetup.project.ProjectReport;
import dev.gosetup.release.GoVersion;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.sources.ShellSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installed versions the known projects (the Projects page's folders) need, each with a folder that needs
 * it: what {@link ProjectLookup} says gives each request, and the toolchain that would run there.
 */
public final class ProjectNeeds {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ProjectNeeds.class.getName());

    private ProjectNeeds() {}

    public static Map<GoVersion, Path> of(ShellSources shells, Settings settings, Map<String, String> env, List<Path> projects)
            throws dev.gosetup.i18n.ProblemException {
        Map<GoVersion, Path> out = new LinkedHashMap<>();
        if (projects.isEmpty()) {
            return out;
        }
        ProjectLookup lookup = ProjectLookup.of(shells, settings, env);
        for (Path dir : projects) {
            if (!Files.isDirectory(dir)) {
                continue; // a folder since moved or deleted needs nothing
            }
            try {
                ProjectReport r = lookup.report(dir);
                for (ProjectReport.Need n : r.needs()) {
                    n.installed().ifPresent(v -> out.putIfAbsent(v, dir));
                }
                if (r.outcome() != null && r.outcome().toolchain() != null) {
                    GoVersion.parse(r.outcome().toolchain()).ifPresent(v -> out.putIfAbsent(v, dir));
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Could not tell what " + dir + " needs; its versions are not offered for removal", e);
                throw new dev.gosetup.i18n.ProblemException(dev.gosetup.i18n.Problem.of("cleanup.projectUnreadable", dir,
                        dev.gosetup.i18n.Problems.of(e)), e); // unsure what a project needs: better to offer nothing than the wrong thing
            }
        }
        return out;
    }
}
