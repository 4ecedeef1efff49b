package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md is the README's command reference: it must say what {@code --help} says. */
class CliReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "cli.md");

    private static String help(CommandLine command) {
        StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void shouldHoldTheCurrentHelpOfEveryCommand() throws IOException {
        // Given the command line and the committed reference
        CommandLine root = RebuildCausesCommand.commandLine();
        String reference = Files.readString(REFERENCE);

        // Then the help of the top command and of every verb stands in it verbatim
        assertThat(reference)
                .as("run docs/cli-reference.sh to refresh docs/cli.md")
                .contains(help(root));
        List<String> verbs = root.getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help"))
                .toList();
        assertThat(verbs).contains("scan", "harvest", "report", "demo", "inspect-dockerfile");
        for (String verb : verbs) {
            assertThat(reference)
                    .as("docs/cli.md is stale for '%s': run docs/cli-reference.sh", verb)
                    .contains("## " + verb + "\n")
                    .contains(help(root.getSubcommands().get(verb)));
        }
    }
}
