package dev.gosetup.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Each setting a policy can set, by the name it has in policy.json and in {@code userMayChange}, with how
 * to read it from the policy and read or replace it in {@link Settings}. The pinned Go version is here
 * too, but lives outside Settings: it is a policy-only choice (see {@link VersionRules}).
 */
public enum PolicySetting {
    GO_VERSION("goVersion", Policy::goVersion, null, null),
    RELEASE_LIST("releaseList", Policy::releaseList, Settings::releaseList,
            (s, v) -> s.withSources((String) v, s.fileMirror(), s.plainHttpHosts())),
    FILE_MIRROR("fileMirror", Policy::fileMirror, Settings::fileMirror,
            (s, v) -> s.withSources(s.releaseList(), (String) v, s.plainHttpHosts())),
    PLAIN_HTTP_HOSTS("plainHttpHosts", Policy::plainHttpHosts, Settings::plainHttpHosts,
            (s, v) -> s.withSources(s.releaseList(), s.fileMirror(), strings(v))),
    PROXY("proxy", Policy::proxy, Settings::proxy, (s, v) -> s.withProxy((String) v, s.noProxy())),
    NO_PROXY("noProxy", Policy::noProxy, Settings::noProxy, (s, v) -> s.withProxy(s.proxy(), strings(v))),
    SDK_ROOT("sdkRoot", Policy::sdkRoot, Settings::sdkRoot, (s, v) -> s.withSdkRoot((String) v)),
    GOPATH("gopath", Policy::gopath, Settings::gopath, (s, v) -> s.withEnvironment((String) v, s.setGoroot(), s.goEnv())),
    STALL_TIMEOUT("stallTimeoutSeconds", Policy::stallTimeoutSeconds, Settings::stallTimeoutSeconds,
            (s, v) -> s.withStallTimeoutSeconds((Integer) v)),
    SIGNATURES("signatures", Policy::signatures, Settings::signatures, (s, v) -> s.withSignatures((String) v, s.signingKeys())),
    GOPROXY("GOPROXY"),
    GOPRIVATE("GOPRIVATE"),
    GONOSUMDB("GONOSUMDB"),
    GOSUMDB("GOSUMDB"),
    GOTOOLCHAIN("GOTOOLCHAIN"),
    GOFLAGS("GOFLAGS");

    /** The name in policy.json (and in userMayChange). */
    public final String jsonName;
    private final Function<Policy, Object> inPolicy;
    private final Function<Settings, Object> inSettings;
    private final BiFunction<Settings, Object, Settings> replace;

    @SuppressWarnings("unchecked")
    PolicySetting(String jsonName, Function<Policy, ?> inPolicy, Function<Settings, ?> inSettings,
                  BiFunction<Settings, Object, Settings> replace) {
        this.jsonName = jsonName;
        this.inPolicy = (Function<Policy, Object>) inPolicy;
        this.inSettings = (Function<Settings, Object>) inSettings;
        this.replace = replace;
    }

    /** A Go variable: it lives in the policy's and the settings' goEnv maps. */
    PolicySetting(String variable) {
        this(variable, p -> p.goEnv().get(variable), s -> s.goEnv().get(variable), (s, v) -> s.withGoVariable(variable, (String) v));
    }

    public static Optional<PolicySetting> named(String jsonName) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(jsonName)).findFirst();
    }

    /** The Go variable of this setting (GOPROXY...), or empty when it is not one. */
    public static Optional<PolicySetting> goVariable(String name) {
        return Settings.GO_VARIABLES.contains(name) ? named(name) : Optional.empty();
    }

    /** The policy's value; null (or an empty list) when the policy leaves it alone. */
    Object valueIn(Policy policy) {
        return inPolicy.apply(policy);
    }

    boolean isSetIn(Policy policy) {
        Object v = valueIn(policy);
        return v != null && !(v instanceof List<?> l && l.isEmpty());
    }

    /** Whether it is one of {@link Settings}' fields (the pinned version is not). */
    boolean inSettings() {
        return inSettings != null;
    }

    Object valueIn(Settings settings) {
        return inSettings.apply(settings);
    }

    Settings replaceIn(Settings settings, Object value) {
        return replace.apply(settings, value);
    }

    boolean sameValue(Object a, Object b) {
        return Objects.equals(normal(a), normal(b));
    }

    /** Unset is unset whether null or empty; "https://m/go/" and "https://m/go" name the same mirror. */
    private static Object normal(Object v) {
        if (v instanceof List<?> l && l.isEmpty() || v instanceof String s && s.isBlank()) {
            return null;
        }
        return v instanceof String s ? s.strip().replaceFirst("(?<=.)[/\\\\]+$", "") : v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : (List<String>) v;
    }
}
