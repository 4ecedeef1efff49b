package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesCsvWriterTest {
    @TempDir
    Path out;

    @Test
    void shouldWriteOneCrlfRowPerFileWithQuotedAndSpreadsheetSafeCells() throws Exception {
        // Given a build with three file verdicts, one reason holding a comma, one path starting with '=', one not
        // known to enter an image or not
        Build build = new Build("images/base", 7, Instant.EPOCH, null, "", "push", "abc123", "main");
        ExplainedBuild explained = new ExplainedBuild(
                new ClassifiedBuild(
                        build,
                        ChangeRange.resolved("0a", "abc123", List.of(), List.of()),
                        CauseSet.of("environment", "code")),
                List.of(
                        new FileVerdict(
                                "fix-permissions",
                                "environment",
                                "copied by Dockerfile:3, run at build time by line 8",
                                true),
                        new FileVerdict("=cmd.py", "code", "rule '*.py' (default rules:97)", false),
                        new FileVerdict("docs/a.md", "docs", "rule 'docs/' (default rules:60)")));
        ExplainedBuild firstBuild = new ExplainedBuild(
                new ClassifiedBuild(build, ChangeRange.firstBuild("abc123"), CauseSet.of("first-build")), List.of());

        // When
        Path written;
        try (FilesCsvWriter writer = FilesCsvWriter.open(out)) {
            writer.write(explained);
            writer.write(firstBuild);
            written = writer.commit();
        }

        // Then
        assertThat(written).isEqualTo(out.resolve("files.csv"));
        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .isEqualTo("job,build,revision,path,cause,reason,enters_image\r\n"
                        + "images/base,7,abc123,fix-permissions,environment,"
                        + "\"copied by Dockerfile:3, run at build time by line 8\",yes\r\n"
                        + "images/base,7,abc123,'=cmd.py,code,rule '*.py' (default rules:97),no\r\n"
                        // not known without reading the repository: empty, never a guess
                        + "images/base,7,abc123,docs/a.md,docs,rule 'docs/' (default rules:60),\r\n");
        assertThat(out).isDirectoryNotContaining("glob:**/.files.csv.tmp");
    }

    @Test
    void shouldLeaveNoFileWhenNotCommitted() throws Exception {
        // Given a writer that fails half-way (no commit)
        try (FilesCsvWriter writer = FilesCsvWriter.open(out)) {
            writer.write(new ExplainedBuild(
                    new ClassifiedBuild(
                            new Build("j", 1, Instant.EPOCH, null, "", "", "r", ""),
                            ChangeRange.firstBuild("r"),
                            CauseSet.of("first-build")),
                    List.of()));
        }

        // Then nothing is left behind
        assertThat(Files.list(out)).isEmpty();
    }
}
