package dev.gosetup.host.snapshot;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Support reports with fuzzed captures (/proc/cpuinfo, sysctl.txt, os-release, uname.txt, the device-tree
 * model, system.properties): detection gives an answer or a SnapshotException naming the file, nothing else.
 */
class SnapshotFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void detectsOrNamesTheBadFile(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("gosetup-snapshot-fuzz");
        try {
            String os = data.pickValue(new String[] {"Linux", "Mac OS X", "Windows 11"});
            Files.writeString(dir.resolve("system.properties"), "os.name=" + os + "\nos.arch=" + data.consumeString(10).replace("\n", "")
                    + "\n" + data.consumeString(80));
            Files.createDirectories(dir.resolve("root/proc"));
            Files.createDirectories(dir.resolve("root/etc"));
            Files.createDirectories(dir.resolve("root/sys/firmware/devicetree/base"));
            Files.writeString(dir.resolve("root/proc/cpuinfo"), data.consumeString(400));
            Files.writeString(dir.resolve("root/etc/os-release"), data.consumeString(120));
            Files.writeString(dir.resolve("root/sys/firmware/devicetree/base/model"), data.consumeString(40));
            Files.writeString(dir.resolve("sysctl.txt"), data.consumeString(300));
            Files.writeString(dir.resolve("uname.txt"), data.consumeString(100));
            Files.write(dir.resolve("windows.properties"), data.consumeRemainingAsBytes());
            try {
                new HostDetector().detect(new SnapshotHostSource(dir));
            } catch (SnapshotException namedTheFile) {
                // the right answer to a bad capture
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
