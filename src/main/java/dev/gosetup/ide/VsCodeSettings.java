package dev.gosetup.ide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.StartupFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go settings of VS Code's user settings files: {@code go.goroot}, {@code go.alternateTools.go},
 * {@code go.toolsGopath} and {@code go.gopath}, read with Jackson in VS Code's dialect (comments, trailing
 * commas). Files are read as startup files are ({@link StartupFiles#inspect}): links followed, FIFOs, devices
 * and files over 1 MiB refused unread.
 *
 * <p>Only top-level keys count: these settings are not language-overridable, so a {@code "[go]"} block's copy
 * is ignored by vscode-go too. Expansion follows vscode-go's {@code util.ts}: {@code resolvePath} turns a
 * leading {@code ~} into the home folder for every key; {@code substituteEnv} ({@code ${env:NAME}}) is applied
 * to go.gopath and go.toolsGopath only (golang/vscode-go#3006: "only go.gopath and go.toolsGopath"), so a
 * {@code ${env:…}} in go.goroot stays literal, which is how VS Code sees it too. {@code ${workspaceFolder}}
 * has no value in user settings; such a value is reported as not resolvable.
 */
public final class VsCodeSettings {
    static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** The products whose user settings are read (the folder name under the config root). */
    public static final List<String> PRODUCTS = List.of("Code", "Code - Insiders", "VSCodium");

    private VsCodeSettings() {}

    /**
     * One settings file's Go settings, as written and as vscode-go resolves them (null where not set or not
     * resolvable).
     */
    public record GoSettings(Path file, String goroot, Path gorootPath, String alternateGo, Path alternateGoPath,
                             String toolsGopath, Path toolsGopathPath, String gopath, Path gopathPath) {
        public boolean setsGo() {
            return goroot != null || alternateGo != null;
        }
    }

    /**
     * The user settings files of every product for this OS, and Remote-WSL/SSH's machine settings (which the
     * server side of VS Code reads in a WSL distribution or over SSH); the ones that exist are read.
     *
     * @param os   "linux", "mac" or "windows"
     * @param env  for %APPDATA% on Windows and $XDG_CONFIG_HOME on Linux
     */
    public static List<Path> locations(String os, Path home, Map<String, String> env) {
        Path configRoot = switch (os) {
            case "mac" -> home.resolve("Library").resolve("Application Support");
            case "windows" -> Optional.ofNullable(env.get("APPDATA")).filter(v -> !v.isBlank()).map(Path::of)
                    .filter(Path::isAbsolute).orElse(home.resolve("AppData").resolve("Roaming"));
            default -> Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                    .filter(Path::isAbsolute).orElse(home.resolve(".config"));
        };
        List<Path> out = new ArrayList<>();
        for (String product : PRODUCTS) {
            out.add(configRoot.resolve(product).resolve("User").resolve("settings.json"));
        }
        if (!os.equals("windows")) {
            out.add(home.resolve(".vscode-server").resolve("data").resolve("Machine").resolve("settings.json"));
        }
        return out;
    }

    /** Reads one file; empty when there is none. A file that is not JSONC (or not an object) is a problem. */
    public static Optional<GoSettings> read(Path file, Path home, Map<String, String> env) throws IOException {
        StartupFiles.Snapshot s = StartupFiles.inspect(file);
        if (!s.exists()) {
            return Optional.empty();
        }
        return Optional.of(parse(file, s.content(), home, env));
    }

    static GoSettings parse(Path file, byte[] content, Path home, Map<String, String> env) throws ProblemException {
        JsonNode root = tree(file, content);
        String goroot = text(root.get("go.goroot"));
        JsonNode alternate = root.get("go.alternateTools");
        String alternateGo = alternate != null && alternate.isObject() ? text(alternate.get("go")) : null;
        String toolsGopath = text(root.get("go.toolsGopath"));
        String gopath = text(root.get("go.gopath"));
        return new GoSettings(file, goroot, resolve(goroot, home, null), alternateGo, resolve(alternateGo, home, null),
                toolsGopath, resolve(toolsGopath, home, env), gopath, resolve(gopath, home, env));
    }

    /** The file as a JSON object, or the problem that says it is not one (VS Code would not read it either). */
    static JsonNode tree(Path file, byte[] content) throws ProblemException {
        if (content.length == 0 || new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            return JSONC.createObjectNode(); // VS Code treats an empty settings file as no settings
        }
        try {
            JsonNode root = JSONC.readTree(content);
            if (root == null || root.isMissingNode()) {
                return JSONC.createObjectNode();
            }
            if (!root.isObject()) {
                throw new ProblemException(Problem.of("ide.vscode.notObject", file));
            }
            return root;
        } catch (ProblemException e) {
            throw e;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ProblemException(Problem.of("ide.vscode.unreadable", file, line), e);
        } catch (IOException e) {
            throw new ProblemException(Problem.of("ide.vscode.unreadable", file, 0L), e);
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    /**
     * vscode-go's resolution: {@code ${env:NAME}} replaced by the variable (empty when unset) when {@code env} is
     * given, then a leading {@code ~} made the home folder. Null for a value that names no absolute path (a
     * {@code ${workspaceFolder}}, a bare command name for go.alternateTools).
     */
    static Path resolve(String value, Path home, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        String v = value;
        if (env != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{env:([^}]+)}").matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(env.getOrDefault(m.group(1).strip(), "")));
            }
            m.appendTail(sb);
            v = sb.toString();
        }
        if (v.contains("${")) {
            return null;
        }
        if (v.startsWith("~")) {
            v = home.toString() + v.substring(1);
        }
        try {
            Path p = Path.of(v);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
