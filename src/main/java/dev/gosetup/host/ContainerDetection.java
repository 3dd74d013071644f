package dev.gosetup.host;

import java.util.Optional;

/** Container engines, in systemd's virt.c order, plus Kubernetes pods. */
final class ContainerDetection {
    private ContainerDetection() {}

    static String detect(HostSource source) {
        Optional<String> manager = source.file("/run/host/container-manager").map(String::strip).filter(s -> !s.isEmpty());
        if (manager.isPresent()) {
            return manager.get();
        }
        Optional<String> env = source.env("container").map(String::strip).filter(s -> !s.isEmpty());
        if (env.isPresent()) {
            return env.get();
        }
        if (source.exists("/run/.containerenv")) {
            return "podman";
        }
        if (source.exists("/.dockerenv")) {
            return "docker";
        }
        if (source.env("KUBERNETES_SERVICE_HOST").isPresent()) {
            return "kubernetes";
        }
        return null;
    }
}
