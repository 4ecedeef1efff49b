package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
    void shouldFormatEveryHelpTextWithoutAPicocliWarning() {
        // Given picocli's warnings caught (it prints them to stderr, e.g. for a lone % in a description)
        CommandLine root = RebuildCausesCommand.commandLine();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            // When the help of every verb is rendered
            help(root);
            root.getSubcommands().values().forEach(CliReferenceTest::help);
        } finally {
            System.setErr(stderr);
        }

        // Then picocli had nothing to warn about
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
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
