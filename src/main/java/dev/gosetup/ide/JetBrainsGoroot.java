package dev.gosetup.ide;

import dev.gosetup.shell.StartupFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The GOROOT a GoLand / IntelliJ (Go plugin) project uses: {@code .idea/workspace.xml}'s
 * {@code <component name="GOROOT" url="file://$USER_HOME$/sdk/go1.22.5" />}, a format seen in many projects'
 * committed workspace files. The IDE-wide default GOROOT (in the IDE's options folder) is not read: its file
 * name and format could not be verified here, and guessing would report settings that are not there.
 * gosetup never edits these files; it says where to change the setting.
 */
public final class JetBrainsGoroot {
    private JetBrainsGoroot() {}

    /** A project's GOROOT: the url as written and the folder it names (null when it names none we can tell). */
    public record ProjectGoroot(Path workspaceFile, String url, Path goroot) {}

    /** Reads {@code project/.idea/workspace.xml}; empty when there is none or it sets no GOROOT. */
    public static Optional<ProjectGoroot> read(Path project, Path home) throws IOException {
        Path file = project.resolve(".idea").resolve("workspace.xml");
        StartupFiles.Snapshot s = StartupFiles.inspect(file); // bounded, no FIFOs, links followed
        if (!s.exists()) {
            return Optional.empty();
        }
        String url = gorootUrl(s.content());
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new ProjectGoroot(file, url, resolve(url, project, home)));
    }

    /** The url attribute of the GOROOT component, or null. Entities and DTDs are refused (XXE). */
    static String gorootUrl(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            NodeList components = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagName("component");
            for (int i = 0; i < components.getLength(); i++) {
                Element c = (Element) components.item(i);
                if ("GOROOT".equals(c.getAttribute("name")) && !c.getAttribute("url").isBlank()) {
                    return c.getAttribute("url");
                }
            }
            return null;
        } catch (Exception unreadable) {
            return null; // a broken workspace file: the IDE rewrites it; nothing we can report from it
        }
    }

    /** {@code file://$USER_HOME$/sdk/go} → ~/sdk/go; $PROJECT_DIR$ is the project; other macros: unknown. */
    static Path resolve(String url, Path project, Path home) {
        String v = url.startsWith("file://") ? url.substring("file://".length()) : url;
        v = v.replace("$USER_HOME$", home.toString()).replace("$PROJECT_DIR$", project.toString());
        if (v.contains("$")) {
            return null;
        }
        try {
            Path p = Path.of(v);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
