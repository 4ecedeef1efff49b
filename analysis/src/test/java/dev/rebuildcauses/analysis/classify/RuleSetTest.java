package dev.rebuildcauses.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
    @Test
    void shouldTryTheFileRulesBeforeTheDefaults() throws RulesFormatException {
        // Given a rules file that claims markdown for code
        RuleSet rules = RuleSet.parse("my-rules.txt", "# mine\n*.md code\n");

        // When classifying a markdown file and a Dockerfile
        // Then the file's rule wins, and the defaults still apply to everything else
        assertThat(rules.classify("README.md")).isEqualTo(new Verdict("code", "rule '*.md' (my-rules.txt:2)"));
        assertThat(rules.classify("Dockerfile").cause()).isEqualTo("environment");
    }

    @Test
    void shouldReplaceTheDefaultsWithNoDefaults() throws RulesFormatException {
        // Given a rules file that drops the defaults
        RuleSet rules = RuleSet.parse("only.txt", "@no-defaults\n*.py app\n");

        // When classifying, Then only its rules apply and the rest is other
        assertThat(rules.classify("main.py").cause()).isEqualTo("app");
        assertThat(rules.classify("Dockerfile")).isEqualTo(new Verdict("other", "no rule matched"));
        assertThat(rules.causes()).containsExactly("app", "other");
    }

    @Test
    void shouldInsertTheDefaultsWhereTheFileSays() throws RulesFormatException {
        // Given rules above and below the @defaults marker
        String text = String.join(
                "\n",
                "*.md early        # above: wins over the defaults",
                "@defaults",
                "Dockerfile late   # below: the default environment rule wins",
                "*.bin data        # below: applies where no default matches");
        RuleSet rules = RuleSet.parse("order.txt", text);

        // When classifying, Then the order is file rules above, defaults, file rules below
        assertThat(rules.classify("README.md").cause()).isEqualTo("early");
        assertThat(rules.classify("Dockerfile").cause()).isEqualTo("environment");
        assertThat(rules.classify("random.bin")).isEqualTo(new Verdict("data", "rule '*.bin' (order.txt:4)"));
        assertThat(rules.rules().get(0).cause()).isEqualTo("early");
        assertThat(rules.rules().get(rules.rules().size() - 1).cause()).isEqualTo("data");
    }

    @Test
    void shouldIgnoreCommentsAndBlankLinesAndLowerCaseCauses() throws RulesFormatException {
        // Given comments, blank lines, tabs, CRLF, a '#' inside a glob and an upper-case cause
        String text = "# header\r\n\r\n   \n\tnotes#1.txt\tNotes \r\n*.weird   My.Cause-1   # trailing\n";
        RuleSet rules = RuleSet.parse("c.txt", text);

        // When classifying, Then only the two rules count, with their line numbers
        assertThat(rules.classify("notes#1.txt")).isEqualTo(new Verdict("notes", "rule 'notes#1.txt' (c.txt:4)"));
        assertThat(rules.classify("a.weird").cause()).isEqualTo("my.cause-1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "*.py code\\na b c | r.txt:2: expected '<glob> <cause>' but found 3 fields",
                "Dockerfile | r.txt:1: expected '<glob> <cause>' but found 1 field",
                "# fine\\n\\na[b code | r.txt:3: unbalanced '[' in glob 'a[b'",
                "{a,b code | r.txt:1: unbalanced '{' in glob '{a,b'",
                "x Env! | r.txt:1: cause 'Env!' must match [a-z0-9][a-z0-9._-]*",
                "x -env | r.txt:1: cause '-env' must match [a-z0-9][a-z0-9._-]*",
                "@foo | r.txt:1: unknown directive '@foo'",
                "@defaults now | r.txt:1: a directive stands alone on its line: '@defaults now'",
                "@defaults\\n@defaults | r.txt:2: '@defaults' given twice (first on line 1)",
                "@no-defaults\\n*.py code\\n@defaults | r.txt:3: '@defaults' and '@no-defaults' contradict each other",
            })
    void shouldRejectBadLinesWithFileAndLine(String text, String message) {
        // Given a rules file with a bad line, When parsing it, Then the error names file, line and problem
        assertThatThrownBy(() -> RuleSet.parse("r.txt", text.replace("\\n", "\n")))
                .isInstanceOf(RulesFormatException.class)
                .hasMessage(message);
    }

    @Test
    void shouldCarryTheLineNumberOfABadLine() {
        // Given a bad fourth line, When parsing, Then the exception tells file and line apart
        assertThatThrownBy(() -> RuleSet.parse("r.txt", "a x\nb y\n\nc\n"))
                .isInstanceOfSatisfying(RulesFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("r.txt");
                    assertThat(e.line()).isEqualTo(4);
                });
    }

    @Test
    void shouldReadARulesFile(@TempDir Path dir) throws Exception {
        // Given a rules file on disk
        Path file = dir.resolve("rules.txt");
        Files.writeString(file, "models/** model\n", StandardCharsets.UTF_8);

        // When reading it
        RuleSet rules = RuleSet.fromFile(file);

        // Then its rules come first and its name is in the reasons
        assertThat(rules.classify("models/a/weights.bin"))
                .isEqualTo(new Verdict("model", "rule 'models/**' (" + file + ":1)"));
        assertThat(rules.classify("src/a.py").cause()).isEqualTo("code");
    }

    @Test
    void shouldReportAnUnreadableFileAsLineZero(@TempDir Path dir) {
        // Given a path where no file is
        Path missing = dir.resolve("missing.txt");

        // When reading it, Then the error names the file, line 0 and the problem
        assertThatThrownBy(() -> RuleSet.fromFile(missing)).isInstanceOfSatisfying(RulesFormatException.class, e -> {
            assertThat(e.line()).isZero();
            assertThat(e).hasMessage(missing + ":0: cannot read the rules file: no such file");
        });
    }

    @Test
    void shouldAcceptAByteOrderMark() throws RulesFormatException {
        // Given a rules file saved with a byte order mark before its first comment
        RuleSet rules = RuleSet.parse("bom.txt", "\uFEFF# rules\n*.bin data\n");

        // When classifying, Then the comment was a comment and the rule is on line 2
        assertThat(rules.classify("x.bin")).isEqualTo(new Verdict("data", "rule '*.bin' (bom.txt:2)"));
    }

    @Test
    void shouldReportAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        // Given a Latin-1 file
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "caf\u00e9.txt docs\n".getBytes(StandardCharsets.ISO_8859_1));

        // When reading it, Then the error says so
        assertThatThrownBy(() -> RuleSet.fromFile(file)).hasMessageEndingWith("not UTF-8 text");
    }

    @Test
    void shouldIndexBracedAndGeneralRulesWithoutChangingTheirOrder() throws RulesFormatException {
        // Given rules of every index kind, in an order where a later, more specific rule must lose
        RuleSet rules = RuleSet.parse(
                "k.txt",
                String.join(
                        "\n",
                        "@no-defaults",
                        "**/gen/** generated", // general (leading **)
                        "*.{yml,yaml} yaml", // two extensions
                        "build/ build", // directory at any depth
                        "src/*.py src", // first segment
                        "Make* make", // prefix
                        "*.py py", // extension
                        "x.py exact")); // literal basename, shadowed by *.py

        // When classifying, Then the first rule in file order wins, whatever bucket it sits in
        assertThat(List.of(
                        rules.classify("a/gen/x.py").cause(),
                        rules.classify("ci.YAML").cause(),
                        rules.classify("a/build/x.yml").cause(),
                        rules.classify("a/build/x.py").cause(),
                        rules.classify("src/x.py").cause(),
                        rules.classify("Makefile.py").cause(),
                        rules.classify("x.py").cause(),
                        rules.classify("lib/x.txt").cause()))
                .containsExactly("generated", "yaml", "yaml", "build", "src", "make", "py", "other");
    }

    @Test
    void shouldAgreeWithTryingEveryRuleOnRandomPaths() throws RulesFormatException {
        // Given rules of every shape, and random paths built from the words they use
        RuleSet rules = RuleSet.parse(
                "shapes.txt",
                String.join(
                        "\n",
                        "**/lib/*.py lib",
                        "**/build.py build",
                        "{src,app}/** source",
                        "*.{md,txt} text",
                        "[a-c]*.py abc",
                        "x?.py x",
                        "test_* tests",
                        "/top.py top",
                        "lib/ libdir",
                        "a/b/ ab",
                        "*_test.py tests",
                        "**/*.cfg cfg",
                        "{**/gen,out}/*.py generated"));
        List<String> segments = List.of(
                "src",
                "app",
                "lib",
                "a",
                "b",
                "docs",
                "gen",
                "out",
                "x1.py",
                "build.py",
                "top.py",
                "test_x.py",
                "c.py");
        List<String> names = List.of(
                "a.py",
                "x1.py",
                "xy.py",
                "build.py",
                "top.py",
                "test_a.go",
                "k_test.py",
                "r.md",
                "s.txt",
                "t.cfg",
                "Dockerfile",
                "z.py",
                "README");
        java.util.Random random = new java.util.Random(1);

        for (int i = 0; i < 5000; i++) {
            StringBuilder path = new StringBuilder();
            int depth = random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                path.append(segments.get(random.nextInt(segments.size()))).append('/');
            }
            path.append(names.get(random.nextInt(names.size())));
            String candidate = path.toString();

            // When classifying through the index and by trying every rule in order
            String expected = rules.rules().stream()
                    .filter(rule -> rule.glob().matches(candidate))
                    .map(Rule::cause)
                    .findFirst()
                    .orElse("other");

            // Then both agree
            assertThat(rules.classify(candidate).cause()).as(candidate).isEqualTo(expected);
        }
    }

    @Test
    void shouldStayCorrectWhenTheCacheOverflows() {
        // Given the default rules and more distinct paths than the cache holds
        RuleSet rules = RuleSet.defaults().withCacheLimit(100);
        for (int i = 0; i < 1000; i++) {
            rules.classify("src/m" + i + ".py");
        }

        // When classifying again, Then verdicts are still right
        assertThat(rules.classify("src/m1.py").cause()).isEqualTo("code");
        assertThat(rules.classify("Dockerfile").cause()).isEqualTo("environment");
    }
}
