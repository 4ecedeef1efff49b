package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    @Test
    void shouldJoinContinuationsSkippingCommentAndEmptyLinesInside() {
        // Given a RUN over four lines with a comment and an empty line inside
        String text =
                "FROM debian:12\nRUN apt-get update && \\\n# a comment inside\n\n    apt-get install -y curl\nCMD [\"bash\"]\n";

        // When it is parsed
        Dockerfile parsed = DockerfileParser.parse(text);

        // Then the RUN spans lines 2..5 with the comment dropped
        assertThat(parsed.warnings()).isEmpty();
        Instruction run = parsed.instructions().get(1);
        assertThat(run.line()).isEqualTo(2);
        assertThat(run.endLine()).isEqualTo(5);
        assertThat(run.arguments()).isEqualTo("apt-get update &&     apt-get install -y curl");
        assertThat(parsed.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
    }

    @Test
    void shouldHonourTheEscapeDirectiveAndSyntaxDirective() {
        // Given a Windows Dockerfile with the backtick escape
        String text =
                "# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir c:\\ `\n    && echo done\n";

        // When it is parsed
        Dockerfile parsed = DockerfileParser.parse(text);

        // Then the backslash is a path and the backtick continues the line
        assertThat(parsed.directives())
                .containsEntry("syntax", "docker/dockerfile:1")
                .containsEntry("escape", "`");
        assertThat(parsed.instructions()).hasSize(2);
        assertThat(parsed.instructions().get(1).arguments()).isEqualTo("dir c:\\     && echo done");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void shouldReadHeredocsIncludingSeveralOnOneLineAndStrippedTabs() {
        // Given RUN and COPY heredocs, one with two bodies and one with <<-
        String text = String.join(
                "\n",
                "FROM alpine",
                "RUN <<EOF",
                "apk add --no-cache curl",
                "EOF",
                "RUN <<-\"A\" cat > /x && cat <<'B' > /y",
                "\tone",
                "\tA",
                "two $HOME",
                "B",
                "COPY <<EOF /etc/app.conf",
                "key=value",
                "EOF",
                "CMD sh");

        // When it is parsed
        Dockerfile parsed = DockerfileParser.parse(text);

        // Then each body belongs to its instruction and lines follow the bodies
        assertThat(parsed.warnings()).isEmpty();
        List<Instruction> all = parsed.instructions();
        assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "RUN", "COPY", "CMD");
        assertThat(all.get(1).heredocs()).containsExactly(new Heredoc("EOF", false, false, "apk add --no-cache curl"));
        assertThat(all.get(1).endLine()).isEqualTo(4);
        assertThat(all.get(2).heredocs())
                .containsExactly(new Heredoc("A", true, true, "one"), new Heredoc("B", false, true, "two $HOME"));
        assertThat(all.get(3).line()).isEqualTo(10);
        assertThat(all.get(3).heredocs().get(0).body()).isEqualTo("key=value");
        assertThat(all.get(4).line()).isEqualTo(13);
        assertThat(InstallRecognizer.installs(all.get(1)))
                .extracting(DependencyInstall::manager)
                .containsExactly(PackageManager.APK);
        assertThat(CopyClassifier.classify(all.get(3)).orElseThrow().sources())
                .containsExactly(new CopySource("<<EOF", SourceKind.INLINE));
    }

    @Test
    void shouldNotTakeAQuotedMarkerForAHeredoc() {
        Dockerfile parsed = DockerfileParser.parse("FROM alpine\nRUN echo \"a <<EOF\" 'b <<X'\nCMD sh\n");

        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
        assertThat(parsed.instructions().get(1).heredocs()).isEmpty();
    }

    @Test
    void shouldWarnAboutAnUnclosedHeredocWithItsLine() {
        Dockerfile parsed = DockerfileParser.parse("FROM alpine\nRUN <<EOF\necho hi\n");

        assertThat(parsed.warnings())
                .containsExactly(new ParseWarning(2, "heredoc <<EOF is never closed: it runs to the end of the file"));
    }

    @Test
    void shouldTellJsonFromShellForm() {
        Dockerfile parsed = DockerfileParser.parse(
                "FROM python:3.12\nCMD [\"python\", \"-m\", \"app\"]\nENTRYPOINT [not json\nRUN echo [1]\n");

        List<Instruction> all = parsed.instructions();
        assertThat(all.get(1).form()).isEqualTo(InstructionForm.JSON);
        assertThat(all.get(1).jsonArguments()).containsExactly("python", "-m", "app");
        assertThat(all.get(2).form()).isEqualTo(InstructionForm.SHELL);
        assertThat(all.get(3).form()).isEqualTo(InstructionForm.SHELL);
    }

    @Test
    void shouldTrackStagesArgsBeforeFromAndCopyFrom() {
        // Given a multi-stage build with a global ARG
        String text = String.join(
                "\n",
                "ARG PY=3.12",
                "FROM python:${PY} AS build",
                "RUN pip wheel -w /w numpy",
                "from python:${PY}-slim as final",
                "COPY --from=build --chown=app:app /w /w",
                "RUN --mount=type=cache,target=/root/.cache pip install /w/*.whl");

        // When it is parsed
        Dockerfile parsed = DockerfileParser.parse(text);

        // Then stages, names and flags are known
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.stages())
                .containsExactly(
                        new Stage(0, "build", "python:${PY}", 2), new Stage(1, "final", "python:${PY}-slim", 4));
        assertThat(parsed.globalArgs()).extracting(Instruction::arguments).containsExactly("PY=3.12");
        Instruction copy = parsed.instructions().get(4);
        assertThat(copy.stageIndex()).isEqualTo(1);
        assertThat(copy.stageName()).isEqualTo("final");
        assertThat(copy.flags())
                .containsExactly(new InstructionFlag("from", "build"), new InstructionFlag("chown", "app:app"));
        assertThat(copy.operands()).isEqualTo("/w /w");
        assertThat(parsed.stage(copy.flag("from").orElseThrow()))
                .hasValue(parsed.stages().get(0));
        Instruction run = parsed.instructions().get(5);
        assertThat(run.flagValues("mount")).containsExactly("type=cache,target=/root/.cache");
        assertThat(CopyClassifier.classify(copy).orElseThrow().sources())
                .containsExactly(new CopySource("/w", SourceKind.OTHER_STAGE));
    }

    @Test
    void shouldParseOnbuildAndLowercaseInstructions() {
        Dockerfile parsed =
                DockerfileParser.parse("from node:20\nonbuild copy package.json /app/\nonbuild run npm ci\n");

        assertThat(parsed.warnings()).isEmpty();
        Instruction onbuild = parsed.instructions().get(1);
        assertThat(onbuild.keyword()).isEqualTo("ONBUILD");
        assertThat(onbuild.onbuildTrigger()).hasValueSatisfying(trigger -> {
            assertThat(trigger.keyword()).isEqualTo("COPY");
            assertThat(trigger.operands()).isEqualTo("package.json /app/");
        });
        assertThat(InstructionDescriber.describe(parsed.instructions().get(2)))
                .isEqualTo("on build of a child image: RUN (installs npm: from package.json, package-lock.json)");
    }

    @Test
    void shouldHandleCrlfAndByteOrderMark() {
        byte[] bytes = "\uFEFFFROM alpine\r\nRUN echo a \\\r\n  b\r\n".getBytes(StandardCharsets.UTF_8);

        Dockerfile parsed = DockerfileParser.parse(bytes);

        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN");
        assertThat(parsed.instructions().get(1).arguments()).isEqualTo("echo a   b");
        assertThat(parsed.instructions().get(1).endLine()).isEqualTo(3);
    }

    @Test
    void shouldKeepUnknownInstructionsWithAWarning() {
        Dockerfile parsed = DockerfileParser.parse("FROM alpine\nRUN true\nFETCH something\nCMD sh\n");

        assertThat(parsed.instructions())
                .extracting(Instruction::keyword)
                .containsExactly("FROM", "RUN", "FETCH", "CMD");
        assertThat(parsed.warnings()).containsExactly(new ParseWarning(3, "unknown instruction 'FETCH' (kept as is)"));
    }

    @Test
    void shouldWarnInsteadOfFailingOnFilesThatAreNotDockerfiles() {
        // Given a patch, a shell script, a binary and a fragment without FROM
        String patch = "--- Dockerfile\n+++ Dockerfile.new\n@@ -1,2 +1,2 @@\n-FROM a\n+FROM b\n";
        String script = "#!/bin/bash\nset -e\ncd build\nmake all\n";
        byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1};
        String fragment = "RUN pip install torch\nUSER root\n";

        // When each is parsed, then each yields one clear warning with its line
        assertThat(DockerfileParser.parse(patch).warnings())
                .containsExactly(new ParseWarning(1, "looks like a patch (unified diff), not a Dockerfile"));
        assertThat(DockerfileParser.parse(script).warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("3 of 3 lines are not Dockerfile instructions", "'set'");
        });
        assertThat(DockerfileParser.parse(binary).warnings())
                .containsExactly(new ParseWarning(1, "binary content (NUL bytes): not a Dockerfile"));
        assertThat(DockerfileParser.parse(fragment).warnings())
                .containsExactly(new ParseWarning(
                        1,
                        "no FROM instruction: a fragment of a Dockerfile (2 instructions), not buildable on its own"));
        assertThat(DockerfileParser.parse("").warnings())
                .containsExactly(new ParseWarning(1, "no instructions: empty or only comments"));
    }

    @Test
    void shouldWarnAboutAContinuationAtTheEndOfTheFile() {
        Dockerfile parsed = DockerfileParser.parse("FROM alpine\nRUN echo \\\n");

        assertThat(parsed.warnings())
                .containsExactly(new ParseWarning(2, "line continuation runs to the end of the file"));
        assertThat(parsed.instructions()).hasSize(2);
    }

    @Test
    void shouldKeepTheSourceTextForRewriting() {
        String text = "FROM alpine\nRUN a \\\n  # note\n  b\n";

        Instruction run = DockerfileParser.parse(text).instructions().get(1);

        assertThat(run.text()).isEqualTo("RUN a \\\n  # note\n  b");
        assertThat(run.normalized()).isEqualTo("RUN a b");
    }
}
