package dev.gosetup.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads policy.json and checks all of it before anything uses it. A mistake is a {@link PolicyException}
 * naming the file, the field (as a JSON path) and what is wrong; an unknown field is only a warning (a
 * newer gosetup's field, or a typo IT sees in {@code gosetup doctor}).
 */
public final class PolicyReader {
    /** Fields of the format, in the order the docs list them; "$schema" lets editors validate the file. */
    static final List<String> FIELDS = List.of("$schema", "goVersion", "allowedGoVersions", "releaseList", "fileMirror",
            "plainHttpHosts", "proxy", "noProxy", "caCertificates", "goEnv", "gopath", "sdkRoot", "stallTimeoutSeconds", "signatures",
            "trustedSigningKeys", "updateNotices", "userMayChange");
    /** Settings a user can never be given: a list that limits them, and certificates that only add trust. */
    private static final Set<String> NEVER_USERS = Set.of("allowedGoVersions", "caCertificates", "trustedSigningKeys");

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final Path file;
    private final Path home;
    private final TrustedFiles trust;
    private final List<PolicyProblem> warnings = new ArrayList<>();

    private PolicyReader(Path file, Path home, TrustedFiles trust) {
        this.file = file;
        this.home = home;
        this.trust = trust;
    }

    /**
     * Reads the file as this process may: run as root (or an elevated administrator), the file and every
     * file it names must be beyond other accounts' reach ({@link TrustedFiles}).
     *
     * @param home the home folder "~/" in gopath and sdkRoot stands for (the user running gosetup)
     * @throws PolicyException when the file cannot be read or anything in it is wrong
     */
    public static ManagedSettings read(Path file, Path home) {
        return read(file, home, TrustedFiles.forThisProcess());
    }

    static ManagedSettings read(Path file, Path home, TrustedFiles trust) {
        return new PolicyReader(file, home, trust).read();
    }

    private ManagedSettings read() {
        byte[] bytes;
        try {
            trusted("$", file);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail("$", "settings.policy.error.missing");
        } catch (IOException e) {
            throw fail("$", "settings.policy.error.unreadable", dev.gosetup.i18n.Problems.of(e));
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw fail("$", "settings.policy.error.json", line, column, e.getOriginalMessage());
        } catch (IOException e) {
            throw fail("$", "settings.policy.error.unreadable", dev.gosetup.i18n.Problems.of(e));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw fail("$", "settings.policy.error.notObject");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                warnings.add(PolicyProblem.of(file, "$." + name, "settings.policy.warn.unknownField", String.join(", ", FIELDS.subList(1, FIELDS.size()))));
            }
        }
        if (root.has("$schema")) {
            string(root, "$schema");
        }
        List<String> plainHttp = strings(root, "plainHttpHosts");
        for (int i = 0; i < plainHttp.size(); i++) {
            if (!plainHttp.get(i).matches("[A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:]+]")) {
                throw fail("$.plainHttpHosts[" + i + "]", "settings.policy.error.host", plainHttp.get(i));
            }
        }
        String goVersion = version("goVersion", string(root, "goVersion"));
        List<String> allowed = strings(root, "allowedGoVersions");
        for (int i = 0; i < allowed.size(); i++) {
            version("allowedGoVersions[" + i + "]", allowed.get(i));
        }
        List<String> mayChange = userMayChange(root);
        if (goVersion != null && !allowed.isEmpty()
                && !new VersionRules(null, false, allowed).permits(dev.gosetup.release.GoVersion.parse(goVersion).orElseThrow())) {
            throw fail("$.goVersion", "settings.policy.error.pinNotAllowed", goVersion, String.join(", ", allowed));
        }
        Policy policy = new Policy(goVersion, allowed,
                location(root, "releaseList", plainHttp),
                location(root, "fileMirror", plainHttp),
                plainHttp,
                proxy(root),
                strings(root, "noProxy"),
                certificates(root),
                goEnv(root),
                folder(root, "gopath"),
                folder(root, "sdkRoot"),
                stallTimeout(root),
                signatures(root),
                signingKeys(root),
                updateNotices(root),
                mayChange);
        return ManagedSettings.of(file, policy, warnings);
    }

    private PolicyException fail(String field, String key, Object... args) {
        return new PolicyException(PolicyProblem.of(file, field, key, args));
    }

    /** Refuses a file (the policy, or one it names) that another account than root could change, when that matters. */
    private void trusted(String field, Path named) throws IOException {
        TrustedFiles.Distrust d = trust.check(named).orElse(null);
        if (d != null) {
            String key = switch (d.kind()) {
                case FILE -> "settings.policy.error.untrustedFile";
                case FOLDER -> "settings.policy.error.untrustedFolder";
                case SHARED_FOLDER -> "settings.policy.error.sharedFolder";
            };
            throw fail(field, key, d.path(), d.owner(), d.mode(), d.file(), d.fix());
        }
    }

    private String string(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw fail("$." + name, "settings.policy.error.type", "string", kind(n));
        }
        String v = n.asText().strip();
        if (v.isEmpty()) {
            throw fail("$." + name, "settings.policy.error.empty");
        }
        return v;
    }

    private List<String> strings(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw fail("$." + name, "settings.policy.error.type", dev.gosetup.i18n.Problem.of("settings.policy.type.stringArray"), kind(n));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual()) {
                throw fail("$." + name + "[" + i + "]", "settings.policy.error.type", "string", kind(item));
            }
            if (item.asText().isBlank()) {
                throw fail("$." + name + "[" + i + "]", "settings.policy.error.empty");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            default -> "null";
        };
    }

    private String version(String field, String value) {
        if (value != null && !VersionRules.validSyntax(value)) {
            throw fail("$." + field, "settings.policy.error.version", value);
        }
        return value;
    }

    private List<String> userMayChange(JsonNode root) {
        List<String> names = strings(root, "userMayChange");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (NEVER_USERS.contains(name)) {
                throw fail("$.userMayChange[" + i + "]", "settings.policy.error.neverUsers", name);
            }
            if (PolicySetting.named(name).isEmpty()) {
                throw fail("$.userMayChange[" + i + "]", "settings.policy.error.settingName", name,
                        String.join(", ", java.util.Arrays.stream(PolicySetting.values()).map(s -> s.jsonName).toList()));
            }
        }
        return names;
    }

    /**
     * A release list or mirror: https, plain http for a host in plainHttpHosts, file:, or an absolute path
     * (a shared folder of an air-gapped site).
     */
    private String location(JsonNode root, String name, List<String> plainHttp) {
        String v = string(root, name);
        if (v == null) {
            return null;
        }
        if (!v.contains("://")) {
            if (!Path.of(v).isAbsolute()) {
                throw fail("$." + name, "settings.policy.error.relative", v);
            }
            trustedList(name, v);
            return v;
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw fail("$." + name, "settings.policy.error.url", v);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https", "file" -> { }
            case "http" -> {
                if (uri.getHost() == null || !plainHttp.contains(uri.getHost())) {
                    throw fail("$." + name, "settings.policy.error.plainHttp", v, uri.getHost() == null ? "?" : uri.getHost());
                }
            }
            default -> throw fail("$." + name, "settings.policy.error.url", v);
        }
        if (!scheme.equals("file") && uri.getHost() == null) {
            throw fail("$." + name, "settings.policy.error.url", v);
        }
        if (scheme.equals("file")) {
            trustedList(name, v);
        }
        return v;
    }

    /**
     * A local release list gives the digest every download is checked against, so root must not take it
     * from a file another account can change. A local file mirror needs no such check: what comes from it
     * is checked against that digest. A list that is not there yet is said when it is read; the folders
     * it would be read from must be root's already, or another account could put one there meanwhile.
     */
    private void trustedList(String name, String location) {
        if (!name.equals("releaseList") || !trust.checks()) {
            return;
        }
        Path list;
        try {
            list = location.contains("://") ? Path.of(new URI(location)) : Path.of(location);
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw fail("$." + name, "settings.policy.error.url", location);
        }
        while (list != null && !Files.exists(list, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            list = list.getParent();
        }
        try {
            if (list != null) {
                trusted("$." + name, list);
            }
        } catch (IOException e) {
            throw fail("$." + name, "settings.policy.error.unreadable", dev.gosetup.i18n.Problems.of(e));
        }
    }

    private String proxy(JsonNode root) {
        String v = string(root, "proxy");
        if (v == null || UserInput.isProxyAddress(v)) {
            return v;
        }
        throw fail("$.proxy", "settings.policy.error.proxy", v);
    }

    /** One of the strictness names; anything else is a mistake IT must see, never silently "off". */
    private String signatures(JsonNode root) {
        String v = string(root, "signatures");
        if (v != null && dev.gosetup.signature.Strictness.named(v).isEmpty()) {
            throw fail("$.signatures", "settings.policy.error.signatures", v);
        }
        return v == null ? null : v.strip();
    }

    /**
     * "on" or "off" ({@code "off"}: no update notices, for machines whose Go IT updates itself); anything else is a
     * mistake IT must see, as with signatures.
     */
    private String updateNotices(JsonNode root) {
        String v = string(root, "updateNotices");
        if (v != null && !v.strip().equals("on") && !v.strip().equals("off")) {
            throw fail("$.updateNotices", "settings.policy.error.updateNotices", v);
        }
        return v == null ? null : v.strip();
    }

    /**
     * Each key file must be absolute, exist and be as trusted as the policy (root-owned when that matters): a key
     * that others could replace would let them sign "Go". Its OpenPGP content is read when a signature is checked
     * (not at every start: the OpenPGP library stays out of start-up) and a broken one stops that install.
     */
    private List<String> signingKeys(JsonNode root) {
        List<String> keys = strings(root, "trustedSigningKeys");
        for (int i = 0; i < keys.size(); i++) {
            String field = "$.trustedSigningKeys[" + i + "]";
            Path key = Path.of(keys.get(i));
            if (!key.isAbsolute()) {
                throw fail(field, "settings.policy.error.relative", keys.get(i));
            }
            try {
                trusted(field, key);
                if (!Files.isRegularFile(key)) {
                    throw new java.nio.file.NoSuchFileException(key.toString());
                }
            } catch (IOException e) {
                throw fail(field, "settings.policy.error.keyUnreadable", key, String.valueOf(e.getMessage()));
            }
        }
        return keys;
    }

    /** Each PEM file must exist and hold a certificate now: a CA that silently fails to load fails every download later. */
    private List<String> certificates(JsonNode root) {
        List<String> pems = strings(root, "caCertificates");
        for (int i = 0; i < pems.size(); i++) {
            String field = "$.caCertificates[" + i + "]";
            Path pem = Path.of(pems.get(i));
            if (!pem.isAbsolute()) {
                throw fail(field, "settings.policy.error.relative", pems.get(i));
            }
            try {
                trusted(field, pem);
            } catch (IOException e) {
                throw fail(field, "settings.policy.error.caUnreadable", pem, dev.gosetup.i18n.Problems.of(e));
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(pem))) { // the parser reads byte by byte
                if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                    throw fail(field, "settings.policy.error.noCertificate", pem);
                }
            } catch (IOException e) {
                throw fail(field, "settings.policy.error.caUnreadable", pem, dev.gosetup.i18n.Problems.of(e));
            } catch (CertificateException e) {
                throw fail(field, "settings.policy.error.noCertificate", pem);
            }
        }
        return pems;
    }

    private Map<String, String> goEnv(JsonNode root) {
        JsonNode n = root.get("goEnv");
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw fail("$.goEnv", "settings.policy.error.type", "object", kind(n));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "$.goEnv." + e.getKey();
            if (!Settings.GO_VARIABLES.contains(e.getKey())) {
                throw fail(field, "settings.policy.error.goVariable", e.getKey(), String.join(", ", Settings.GO_VARIABLES));
            }
            if (!e.getValue().isTextual()) {
                throw fail(field, "settings.policy.error.type", "string", kind(e.getValue()));
            }
            if (e.getValue().asText().isBlank()) {
                throw fail(field, "settings.policy.error.empty");
            }
            if (e.getKey().equals("GOTOOLCHAIN") && !Settings.validGotoolchain(e.getValue().asText())) {
                throw fail(field, "settings.policy.error.gotoolchain", e.getValue().asText().strip());
            }
            out.put(e.getKey(), e.getValue().asText().strip());
        }
        return out;
    }

    /** Whole seconds within the bounds Settings keeps too. */
    private Integer stallTimeout(JsonNode root) {
        JsonNode n = root.get("stallTimeoutSeconds");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw fail("$.stallTimeoutSeconds", "settings.policy.error.type", "integer", kind(n));
        }
        if (!n.canConvertToInt() || n.intValue() < Settings.MIN_STALL_TIMEOUT_SECONDS || n.intValue() > Settings.MAX_STALL_TIMEOUT_SECONDS) {
            throw fail("$.stallTimeoutSeconds", "settings.policy.error.stallTimeout", n.asText(),
                    String.valueOf(Settings.MIN_STALL_TIMEOUT_SECONDS), String.valueOf(Settings.MAX_STALL_TIMEOUT_SECONDS));
        }
        return n.intValue();
    }

    /** An absolute folder, or "~/..." for each user's own home (expanded here, for the user running gosetup). */
    private String folder(JsonNode root, String name) {
        String v = string(root, name);
        if (v == null) {
            return null;
        }
        if (v.equals("~") || v.startsWith("~/")) {
            return home.resolve(v.substring(Math.min(2, v.length()))).normalize().toString();
        }
        if (!Path.of(v).isAbsolute()) {
            throw fail("$." + name, "settings.policy.error.relative", v);
        }
        return v;
    }
}
