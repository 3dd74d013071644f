package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.files.FileOwner;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.files.ProcessUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Whose home a run works on, decided before any command runs. --home DIR must be a folder that is there (a
 * typo would otherwise become a new home filled with startup files and an install root), and it moves the
 * whole run there: settings, logs, cache, ~/sdk, startup files. Root is held to two rules: with --home, no
 * link in that home may lead it out to a folder the home's owner does not own; without it, a HOME that
 * belongs to someone else (sudo keeps HOME on many systems) is refused for anything that writes, instead of
 * leaving root-owned files there.
 */
final class HomeGate {
    private static final Logger LOG = Logger.getLogger(HomeGate.class.getName());
    /** Commands that only read: as root they may look at a home that is not root's. */
    private static final Set<String> READ_ONLY = Set.of("detect", "report", "releases", "list");

    private HomeGate() {}

    /** @return the exit code when the command must not run, else null */
    static Integer check(AppContext context, CommandLine.ParseResult parseResult, PrintWriter err) {
        CommandLine.ParseResult last = GoSetupCommand.lastCommand(parseResult);
        if (last == null) {
            return null;
        }
        Path home = last.matchedOptionValue("--home", null);
        if (home != null) {
            if (!Files.exists(home)) {
                err.println(context.messages().get("cli.home.missing", home));
                return ExitCodes.BAD_INPUT;
            }
            if (!Files.isDirectory(home)) {
                err.println(context.messages().get("cli.home.notFolder", home));
                return ExitCodes.BAD_INPUT;
            }
            context.useHome(home);
            return refuseLinksOutOfHome(context, err);
        }
        String command = last.commandSpec().name();
        boolean writes = !READ_ONLY.contains(command) && !(command.equals("doctor") && !last.hasMatchedOption("--fix"));
        if (writes && ProcessUser.isRoot()) {
            Optional<String> owner = foreignOwner(context.home());
            if (owner.isPresent()) {
                err.println(context.messages().get("cli.home.rootOnOthersHome", context.home(), owner.get()));
                return ExitCodes.BAD_INPUT;
            }
        }
        return null;
    }

    /** Root on another account's home: its folders where gosetup writes must not lead out of it. */
    private static Integer refuseLinksOutOfHome(AppContext context, PrintWriter err) {
        Path h = context.home();
        AppPaths p = context.paths();
        try {
            Optional<String> link = FileOwner.linkOutOfHome(h, List.of(h.resolve("sdk"), p.configDir(), p.logDir(), p.cacheDir()));
            if (link.isPresent()) {
                err.println(context.messages().get("cli.home.linkOut", h, link.get()));
                return ExitCodes.BAD_INPUT;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not check the links in " + h, e);
        }
        return null;
    }

    /** The owner of {@code home} when it is not root (uid 0), e.g. "alex (uid 1000)". */
    static Optional<String> foreignOwner(Path home) {
        try {
            int uid = (Integer) Files.getAttribute(home, "unix:uid");
            if (uid == 0) {
                return Optional.empty();
            }
            String name = Files.getOwner(home).getName();
            return Optional.of(name.equals(String.valueOf(uid)) ? "uid " + uid : name + " (uid " + uid + ")");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // no such home yet, or no unix attributes (Windows): nothing to protect
        }
    }
}
