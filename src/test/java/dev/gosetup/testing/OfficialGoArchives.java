package dev.gosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The second source of the test archives, for runners where Debian's packages cannot be had (macOS, Windows, Linux
 * arm64): Go's official archives, each checked against the SHA-256 that go.dev's release list gives for it before it
 * is kept, written with the same names, {@code .sha256} files and dl.json shape as make-go-mirror.sh. The list and
 * the files are fetched over TLS from go.dev and dl.google.com; tests point both at a loopback server instead.
 */
public final class OfficialGoArchives {
    public static final URI GO_DEV_LIST = URI.create("https://go.dev/dl/?mode=json&include=all");
    public static final URI GO_DEV_FILES = URI.create("https://dl.google.com/go/");

    private static final Pattern VERSION = Pattern.compile("1\\.\\d+\\.\\d+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One release of dl.json, character for character as make-go-mirror.sh writes it: tests edit the list as text
     * (a lying digest, a hostile file name), so the same text, not only the same JSON. Every value is checked first.
     */
    private static final String ENTRY = """
             {
              "version": "go%s",
              "stable": true,
              "files": [
               {
                "filename": "%s",
                "os": "%s",
                "arch": "%s",
                "version": "go%s",
                "sha256": "%s",
                "size": %d,
                "kind": "archive"
               }
              ]
            """;

    private final URI list;
    private final URI files;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    public OfficialGoArchives(URI list, URI files) {
        this.list = list;
        this.files = files;
    }

    public static OfficialGoArchives goDev() {
        return new OfficialGoArchives(GO_DEV_LIST, GO_DEV_FILES);
    }

    /** go1.19.8.linux-amd64.tar.gz; Windows archives are zips. */
    public static String fileName(String version, String os, String arch) {
        return "go" + version + "." + os + "-" + arch + (os.equals("windows") ? ".zip" : ".tar.gz");
    }

    /**
     * Puts go{V}.{os}-{arch} of every version into {@code dir} (archives already there with their .sha256 are kept),
     * then writes dl.json listing them, newest first, as make-go-mirror.sh does. Refuses, keeping nothing of that
     * file, an archive whose bytes do not have the digest go.dev lists, and a version or file go.dev does not list.
     */
    public void fetch(Path dir, List<String> versions, String os, String arch) throws IOException, InterruptedException {
        for (String v : versions) {
            if (!VERSION.matcher(v).matches()) {
                throw new IllegalArgumentException("not a Go release version: " + v);
            }
        }
        if (!NAME_PART.matcher(os).matches() || !NAME_PART.matcher(arch).matches()) {
            throw new IllegalArgumentException("not a Go platform: " + os + "-" + arch);
        }
        Files.createDirectories(dir);
        JsonNode releases = JSON.readTree(get(list, HttpResponse.BodyHandlers.ofByteArray()));
        StringBuilder out = new StringBuilder("[\n");
        List<String> newestFirst = versions.stream().distinct()
                .sorted((a, b) -> compareVersions(b, a)).toList();
        for (String v : newestFirst) {
            String name = fileName(v, os, arch);
            String sha256 = listedSha256(releases, "go" + v, name);
            Path archive = dir.resolve(name);
            Path shaFile = dir.resolve(name + ".sha256");
            boolean have = Files.isRegularFile(archive) && Files.isRegularFile(shaFile)
                    && Files.readString(shaFile).strip().equals(sha256);
            if (!have) {
                download(files.resolve(name), archive, sha256);
                Files.writeString(shaFile, sha256 + "\n");
            }
            out.append(out.length() > 2 ? " },\n" : "").append(ENTRY.formatted(v, name, os, arch, v, sha256, Files.size(archive)));
        }
        out.append(" }\n]\n");
        Path part = dir.resolve("dl.json.part");
        Files.writeString(part, out);
        Files.move(part, dir.resolve("dl.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The digest go.dev gives for this file of this version; the list is outside input, so every field is checked. */
    private String listedSha256(JsonNode releases, String version, String name) throws IOException {
        if (!releases.isArray()) {
            throw new IOException(list + " is not a JSON array of releases");
        }
        for (JsonNode release : releases) {
            if (!version.equals(release.path("version").asText())) {
                continue;
            }
            for (JsonNode file : release.path("files")) {
                if (name.equals(file.path("filename").asText())) {
                    String sha = file.path("sha256").asText();
                    if (!SHA256.matcher(sha).matches()) {
                        throw new IOException(list + " gives " + name + " no usable SHA-256: \"" + sha + "\"");
                    }
                    return sha;
                }
            }
            throw new IOException(list + " lists " + version + " without " + name);
        }
        throw new IOException(list + " does not list " + version);
    }

    private void download(URI from, Path to, String sha256) throws IOException, InterruptedException {
        Path part = to.resolveSibling(to.getFileName() + ".part");
        MessageDigest digest = sha256Digest();
        try (InputStream in = get(from, HttpResponse.BodyHandlers.ofInputStream()); OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        String got = HexFormat.of().formatHex(digest.digest());
        if (!got.equals(sha256)) {
            Files.delete(part);
            throw new IOException(from + " has SHA-256 " + got + ", but " + list + " lists " + sha256 + ": refused");
        }
        Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private <T> T get(URI uri, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(), body);
        if (response.statusCode() != 200) {
            if (response.body() instanceof InputStream in) {
                in.close();
            }
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
