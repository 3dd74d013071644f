package dev.gosetup.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's managed policy, as policy.json says it (docs/it-guide.md, docs/policy.schema.json).
 * Read and checked by {@link PolicyReader}; every field is optional. What the policy sets is locked for
 * users unless its name is in {@code userMayChange}; see {@link ManagedSettings}.
 *
 * @param goVersion         the pinned version or line ("1.22.5", "1.22"): what {@code install} installs by default
 * @param allowedGoVersions versions ("1.22.5") and lines ("1.22"): nothing else may be installed; empty for no limit
 * @param releaseList       the release list, a URL or an absolute file path
 * @param fileMirror        where archives come from: a URL or an absolute folder
 * @param plainHttpHosts    hosts that may be reached over plain HTTP
 * @param proxy             the proxy for every download, http://host:port
 * @param noProxy           hosts reached directly in spite of the proxy
 * @param caCertificates    absolute paths of PEM files trusted in addition to the JDK's and the OS's roots
 * @param goEnv             GOPROXY, GOPRIVATE, GONOSUMDB, GOSUMDB, GOTOOLCHAIN, GOFLAGS
 * @param gopath            GOPATH: absolute, or starting with ~/ for each user's home
 * @param sdkRoot           the install root: absolute, or starting with ~/
 * @param stallTimeoutSeconds how long a download may go (almost) without data; null for the default
 * @param signatures        "required", "if-available" or "off": how strictly Go's OpenPGP signatures are asked for;
 *                          null for the managed default, "required"
 * @param trustedSigningKeys absolute paths of OpenPGP key files trusted beside Google's (the organisation's own builds)
 * @param updateNotices     "on" or "off": whether users are told of a newer Go (the window's banner, releases, doctor);
 *                          null for "on"
 * @param userMayChange     names of the settings above that users may still change (the policy's value is their default)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Policy(String goVersion, List<String> allowedGoVersions, String releaseList, String fileMirror,
                     List<String> plainHttpHosts, String proxy, List<String> noProxy, List<String> caCertificates,
                     Map<String, String> goEnv, String gopath, String sdkRoot, Integer stallTimeoutSeconds,
                     String signatures, List<String> trustedSigningKeys, String updateNotices, List<String> userMayChange) {

    public Policy {
        allowedGoVersions = listOf(allowedGoVersions);
        plainHttpHosts = listOf(plainHttpHosts);
        noProxy = listOf(noProxy);
        caCertificates = listOf(caCertificates);
        goEnv = goEnv == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(goEnv));
        trustedSigningKeys = listOf(trustedSigningKeys);
        userMayChange = listOf(userMayChange);
    }

    private static List<String> listOf(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
