package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitLogParserTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);

    private static List<LogEntry> parse(String raw) throws IOException {
        return GitLogParser.parseAll(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldKeepOddPathsAsTheyAre() throws IOException {
        // Given -z output as git prints it: header fields, a terminator, then status and paths
        String raw = "\u0001" + A + "\u0000\u0000Ada Lovelace\u0000100\u0000200\u0000first\nbody\n\u0000\u0000"
                + "\nA\u0000a b.txt\u0000A\u0000tab\there.py\u0000M\u0000\u00fc \"q\".md\u0000D\u0000line\nbreak\u0000"
                + "R100\u0000old name.py\u0000new\tname.py\u0000C075\u0000src/x.py\u0000src/y.py\u0000";

        // When
        List<LogEntry> entries = parse(raw);

        // Then
        assertThat(entries).hasSize(1);
        LogEntry entry = entries.get(0);
        assertThat(entry.id()).isEqualTo(A);
        assertThat(entry.parents()).isEmpty();
        assertThat(entry.author()).isEqualTo("Ada Lovelace");
        assertThat(entry.authorTime()).isEqualTo(Instant.ofEpochSecond(100));
        assertThat(entry.commitTime()).isEqualTo(Instant.ofEpochSecond(200));
        assertThat(entry.message()).isEqualTo("first\nbody");
        assertThat(entry.files())
                .containsExactly(
                        FileChange.of(ChangeKind.ADD, "a b.txt"),
                        FileChange.of(ChangeKind.ADD, "tab\there.py"),
                        FileChange.of(ChangeKind.MODIFY, "\u00fc \"q\".md"),
                        FileChange.of(ChangeKind.DELETE, "line\nbreak"),
                        new FileChange(ChangeKind.RENAME, "new\tname.py", "old name.py"),
                        new FileChange(ChangeKind.COPY, "src/y.py", "src/x.py"));
    }

    @Test
    void shouldParseEmptyCommitsAndMergesWithoutMixingTheirFiles() throws IOException {
        // Given an empty commit, then a merge with two parents and a message that looks like a status line
        String raw = "\u0001" + B + "\u0000" + A + "\u0000Ada\u0000100\u0000100\u0000empty\n\u0000\u0000" + "\u0001" + C
                + "\u0000" + B + " " + A + "\u0000Bob\u0000101\u0000102\u0000M\u0000\u0000\u0000\nM\u0000app.py\u0000";

        // When
        List<LogEntry> entries = parse(raw);

        // Then
        assertThat(entries).extracting(LogEntry::id).containsExactly(B, C);
        assertThat(entries.get(0).files()).isEmpty();
        assertThat(entries.get(0).toCommit(true).isEmpty()).isTrue();
        assertThat(entries.get(1).parents()).containsExactly(B, A);
        assertThat(entries.get(1).message()).isEqualTo("M");
        assertThat(entries.get(1).files()).containsExactly(FileChange.of(ChangeKind.MODIFY, "app.py"));
    }

    @Test
    void shouldParseLogsWithoutDiffs() throws IOException {
        // Given a plain log of two commits, one with an empty message
        String raw = "\u0001" + A + "\u0000\u0000Ada\u0000100\u0000100\u0000\u0000\u0000" + "\u0001" + B + "\u0000" + A
                + "\u0000Ada\u0000101\u0000101\u0000two\n\u0000";

        // When
        List<LogEntry> entries = parse(raw);

        // Then
        assertThat(entries).extracting(LogEntry::message).containsExactly("", "two");
        assertThat(entries.get(1).toCommit(false).filesChanged()).isEqualTo(-1);
    }

    @Test
    void shouldRejectTruncatedOutput() {
        assertThatThrownBy(() -> parse("\u0001" + A + "\u0000\u0000Ada\u0000"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ends in the middle");
        assertThatThrownBy(() -> parse("garbage\u0000"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("before the first commit");
    }
}
