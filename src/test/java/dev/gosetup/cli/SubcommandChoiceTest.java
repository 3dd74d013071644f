package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the command named is built (its start-up cost), and everything when the arguments do not plainly name one. */
class SubcommandChoiceTest {

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"list"})).containsExactly(ListCommand.class);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"list", "--json"})).containsExactly(ListCommand.class);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"mirror", "build", "--out", "x"})).containsExactly(MirrorCommand.class);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"gui"})).containsExactly(GuiCommand.class);
    }

    @Test
    void theRootsOwnOptionsAndTheirValuesAreSkipped() {
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--lang", "zh-CN", "doctor"})).containsExactly(DoctorCommand.class);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--lang=en", "--policy", "p.json", "install", "1.22"}))
                .containsExactly(InstallCommand.class);
        // a value that happens to be a command's name is still the option's value
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--policy", "list", "env"})).containsExactly(EnvCommand.class);
    }

    @Test
    void anythingElseBuildsEveryCommand() {
        List<Class<?>> all = GoSetupCommand.SUBCOMMANDS;
        assertThat(GoSetupCommand.subcommandsFor(new String[] {})).isEqualTo(all);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--help"})).isEqualTo(all);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"-V"})).isEqualTo(all);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"lst"})).isEqualTo(all);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--lang"})).isEqualTo(all);
        assertThat(GoSetupCommand.subcommandsFor(new String[] {"--", "list"})).isEqualTo(all);
    }

    @Test
    void everyCommandIsReachableByItsName() {
        for (Class<?> command : GoSetupCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(GoSetupCommand.subcommandsFor(new String[] {name})).containsExactly(command);
        }
    }
}
