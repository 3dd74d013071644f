package dev.gosetup.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user chose (or, through {@link ManagedSettings}, what the organisation's policy sets over it).
 * Unknown fields (from a newer version) are ignored, not fatal.
 *
 * @param language       "system", "en" or "zh-CN"
 * @param releaseList    where the release list comes from: null for go.dev, or a URL / file
 *                       (https://golang.google.cn/dl/?mode=json&include=all in China)
 * @param fileMirror     base URL files are fetched from (FILE appended), null for dl.google.com
 * @param plainHttpHosts hosts allowed plain HTTP (a trusted local mirror)
 * @param sdkRoot        the install root, null for ~/sdk
 * @param gopath         GOPATH, null for Go's own default ~/go
 * @param setGoroot      whether the shell environment sets GOROOT (off: each go finds its own root)
 * @param goEnv          GOPROXY, GOPRIVATE, GONOSUMDB, GOSUMDB, GOTOOLCHAIN, GOFLAGS the user set (others ignored)
 * @param proxy          the HTTP(S) proxy for downloads, null for HTTPS_PROXY or the system's
 * @param noProxy        hosts reached without the proxy (curl's NO_PROXY rules)
 * @param caCertificates PEM files trusted in addition to the JDK's and the OS's roots
 * @param signatures     how strictly Go's OpenPGP signatures are asked for: "required", "if-available", "off";
 *                       null for the default ({@code dev.gosetup.signature.Strictness#defaultFor})
 * @param signingKeys    OpenPGP key files trusted beside Google's for archives' signatures (IT's own builds)
 * @param stallTimeoutSeconds how long a download may go (almost) without data before it is retried, then given
 *                       up as too slow; null for {@link #DEFAULT_STALL_TIMEOUT_SECONDS}
 * @param folderVersions whether new terminals set GOTOOLCHAIN for folders whose version is named only in
 *                       .go-version or .tool-versions (opt-in; shell/FolderGoHook)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot,
                       String gopath, boolean setGoroot, Map<String, String> goEnv, String proxy, List<String> noProxy,
                       List<String> caCertificates, Integer stallTimeoutSeconds,
                       String signatures, List<String> signingKeys, boolean folderVersions) {

    /** The Go variables the environment may set, in the order they are written. */
    public static final List<String> GO_VARIABLES = List.of("GOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB", "GOTOOLCHAIN", "GOFLAGS");
    /**
     * The GOTOOLCHAIN values the go command accepts (cmd/go's Select): local, auto, path, a toolchain name, or a
     * minimum with +auto or +path. project.Gotoolchain.Mode reads them; this is the gate for settings and policy.
     */
    private static final java.util.regex.Pattern GOTOOLCHAIN = java.util.regex.Pattern.compile(
            "^(?:auto|path|(?:local|go1(?:\\.(?:0|[1-9]\\d{0,8})){0,2}(?:(?:alpha|beta|rc)[1-9]\\d{0,8})?(?:-[A-Za-z0-9._-]{1,40})?)(?:\\+(?:auto|path))?)$");

    /** Whether go accepts {@code value} as GOTOOLCHAIN (a value it refuses would stop every go command). */
    public static boolean validGotoolchain(String value) {
        return value != null && GOTOOLCHAIN.matcher(value.strip()).matches();
    }

    public static final int DEFAULT_STALL_TIMEOUT_SECONDS = 30;
    /** The stall timeout's bounds, the policy's too: under a second every hiccup fails, over an hour nothing does. */
    public static final int MIN_STALL_TIMEOUT_SECONDS = 1;
    public static final int MAX_STALL_TIMEOUT_SECONDS = 3600;

    public Settings {
        plainHttpHosts = plainHttpHosts == null ? List.of() : List.copyOf(plainHttpHosts);
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
        caCertificates = caCertificates == null ? List.of() : List.copyOf(caCertificates);
        signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
        if (signatures != null && dev.gosetup.signature.Strictness.named(signatures).isEmpty()) {
            signatures = null; // a hand-edited unknown value: the default, never "off" by accident
        }
        Map<String, String> known = new LinkedHashMap<>();
        for (String name : GO_VARIABLES) {
            String value = goEnv == null ? null : goEnv.get(name);
            if (value != null && !value.isBlank()) {
                known.put(name, value.strip());
            }
        }
        goEnv = Collections.unmodifiableMap(known);
        if (stallTimeoutSeconds != null && (stallTimeoutSeconds < MIN_STALL_TIMEOUT_SECONDS
                || stallTimeoutSeconds > MAX_STALL_TIMEOUT_SECONDS)) {
            stallTimeoutSeconds = null; // a hand-edited value out of range: the default, not a broken download
        }
    }

    /** The stall timeout that applies. */
    public java.time.Duration stallTimeout() {
        return java.time.Duration.ofSeconds(stallTimeoutSeconds != null ? stallTimeoutSeconds : DEFAULT_STALL_TIMEOUT_SECONDS);
    }

    /** @param seconds null for the default */
    public Settings withStallTimeoutSeconds(Integer seconds) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                proxy, noProxy, caCertificates, seconds, signatures, signingKeys, folderVersions);
    }

    /** Settings without signature choices (the defaults apply). */
    public Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot,
                    String gopath, boolean setGoroot, Map<String, String> goEnv, String proxy, List<String> noProxy,
                    List<String> caCertificates, Integer stallTimeoutSeconds) {
        this(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv, proxy, noProxy,
                caCertificates, stallTimeoutSeconds, null, null, false);
    }

    /** @param strictness "required", "if-available", "off", or null for the default */
    public Settings withSignatures(String strictness, List<String> keyFiles) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                proxy, noProxy, caCertificates, stallTimeoutSeconds, blankToNull(strictness), keyFiles, folderVersions);
    }

    public Settings(String language) {
        this(language, null, null, List.of(), null, null, false, null, null, null, null, null);
    }

    public Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot) {
        this(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, null, false, null, null, null, null, null);
    }

    public Settings withSdkRoot(String root) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, blankToNull(root), gopath, setGoroot, goEnv,
                proxy, noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    public Settings withEnvironment(String gopath, boolean setGoroot, Map<String, String> goEnv) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, blankToNull(gopath), setGoroot, goEnv,
                proxy, noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    public static Settings defaults() {
        return new Settings("system");
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                proxy, noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    public Settings withSources(String releaseList, String fileMirror, List<String> plainHttpHosts) {
        return new Settings(language, blankToNull(releaseList), blankToNull(fileMirror), plainHttpHosts, sdkRoot, gopath,
                setGoroot, goEnv, proxy, noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    public Settings withProxy(String proxy, List<String> noProxy) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                blankToNull(proxy), noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    public Settings withCaCertificates(List<String> pemFiles) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                proxy, noProxy, pemFiles, stallTimeoutSeconds, signatures, signingKeys, folderVersions);
    }

    /** The opt-in per-folder Go for projects with only .go-version or .tool-versions (shell/FolderGoHook). */
    public Settings withFolderVersions(boolean on) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv,
                proxy, noProxy, caCertificates, stallTimeoutSeconds, signatures, signingKeys, on);
    }

    /** One Go variable changed (a blank value removes it). */
    public Settings withGoVariable(String name, String value) {
        Map<String, String> vars = new LinkedHashMap<>(goEnv);
        vars.put(name, value);
        return withEnvironment(gopath, setGoroot, vars);
    }

    /** Whether Go comes from the same places, fetched the same way (what the release list and downloads depend on). */
    public boolean sameSources(Settings other) {
        return java.util.Objects.equals(releaseList, other.releaseList) && java.util.Objects.equals(fileMirror, other.fileMirror)
                && plainHttpHosts.equals(other.plainHttpHosts) && java.util.Objects.equals(proxy, other.proxy)
                && noProxy.equals(other.noProxy) && caCertificates.equals(other.caCertificates);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
