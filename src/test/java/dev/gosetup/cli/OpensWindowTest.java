package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Only a plain start or {@code gui} alone starts the window's toolkit early; anything else takes the normal path. */
class OpensWindowTest {

    @Test
    @EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
    void aPlainStartAndGuiAloneOpenTheWindow() {
        assertThat(GuiCommand.opensWindow(new String[] {})).isTrue();
        assertThat(GuiCommand.opensWindow(new String[] {"gui"})).isTrue();
    }

    @Test
    void helpOptionsAndOtherCommandsDoNot() {
        assertThat(GuiCommand.opensWindow(new String[] {"gui", "--help"})).isFalse();
        assertThat(GuiCommand.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(GuiCommand.opensWindow(new String[] {"list"})).isFalse();
        assertThat(GuiCommand.opensWindow(new String[] {"--lang", "zh-CN", "gui"})).isFalse();
    }
}
