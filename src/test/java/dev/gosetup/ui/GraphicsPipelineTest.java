package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The software pipeline is chosen up front only where JavaFX's OpenGL one cannot start: Linux without a GPU device
 * node (a VM, a remote desktop, Xvfb), and never against the user's own choice.
 */
class GraphicsPipelineTest {
    @TempDir
    Path dev;

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void linuxWithoutAGpuDeviceDrawsInSoftwareFromTheStart() throws Exception {
        assertThat(GraphicsPipeline.softwareOnly("Linux", props(), dev)).isTrue();
        // udev's by-path links folder alone (no card, no render node) is no GPU
        Files.createDirectories(dev.resolve("dri/by-path"));
        assertThat(GraphicsPipeline.softwareOnly("Linux", props(), dev)).isTrue();
    }

    @Test
    void aGpuDeviceLeavesTheChoiceToJavaFx() throws Exception {
        Path dri = Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dri.resolve("renderD128"));
        assertThat(GraphicsPipeline.softwareOnly("Linux", props(), dev)).as("DRM render node").isFalse();
        Files.delete(dri.resolve("renderD128"));
        Files.createFile(dev.resolve("nvidiactl"));
        assertThat(GraphicsPipeline.softwareOnly("Linux", props(), dev)).as("NVIDIA's driver").isFalse();
        Files.delete(dev.resolve("nvidiactl"));
        Files.createFile(dev.resolve("dxg"));
        assertThat(GraphicsPipeline.softwareOnly("Linux", props(), dev)).as("WSLg").isFalse();
    }

    @Test
    void inSoftwareTheRegionCacheIsOffUnlessTheUserSaidOtherwise() throws Exception {
        assertThat(GraphicsPipeline.choice("Linux", props(), dev))
                .containsExactly(java.util.Map.entry("prism.order", "sw"), java.util.Map.entry("prism.disableRegionCaching", "true"));
        assertThat(GraphicsPipeline.choice("Linux", props("prism.disableRegionCaching", "false"), dev))
                .containsExactly(java.util.Map.entry("prism.order", "sw"));
        Files.createFile(dev.resolve("dxg"));
        assertThat(GraphicsPipeline.choice("Linux", props(), dev)).isEmpty();
    }

    @Test
    void theUsersOwnChoiceAndOtherSystemsAreLeftAlone() {
        assertThat(GraphicsPipeline.softwareOnly("Linux", props("prism.order", "es2"), dev)).isFalse();
        assertThat(GraphicsPipeline.softwareOnly("Linux", props("prism.forceGPU", "true"), dev)).isFalse();
        assertThat(GraphicsPipeline.softwareOnly("Mac OS X", props(), dev)).isFalse();
        assertThat(GraphicsPipeline.softwareOnly("Windows 11", props(), dev)).isFalse();
    }
}
