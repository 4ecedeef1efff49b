package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstParentLogTest {
    private static final List<String> DIFF_OPTIONS =
            List.of("--diff-merges=first-parent", "--name-status", "-M", "-z", GitLogParser.FORMAT);

    @TempDir
    Path temp;

    private TestRepository repo;
    private GitCommand git;

    @BeforeEach
    void createHistory() {
        repo = new TestRepository(temp.resolve("img"));
        repo.write("Dockerfile", "FROM python\n").write("app.py", "print(1)\n").commit("init");
        for (int i = 0; i < 6; i++) {
            repo.write("src/m" + i + ".py", "x = " + i + "\n").commit("code " + i);
        }
        repo.git("mv", "app.py", "src/\u00e4pp name.py");
        repo.commitStaged("move");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("f1.py", "x\n").commit("f1");
        repo.write("README.md", "# hi\n").commit("docs");
        repo.git("checkout", "-q", "main");
        repo.write("Dockerfile", "FROM python:3.12\n").commit("bump base");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        repo.commitStaged("rebuild", "--allow-empty");
        git = new GitCommand(repo.dir());
    }

    @Test
    void shouldReadTheSameCommitsAsOneFirstParentLogPipedToTheParser() throws Exception {
        // Given
        List<LogEntry> expected = singleLog();

        // When
        FirstParentHistory history = new FirstParentLog(git, DIFF_OPTIONS)
                .read(repo.head(), WalkProgress.NONE)
                .history("main");

        // Then: every field of every commit, its first-parent diff included, survives the columns
        assertThat(expected).hasSize(11);
        assertThat(history.steps())
                .extracting(step -> new LogEntry(
                        step.commit().id(),
                        step.commit().parents(),
                        step.commit().author(),
                        step.commit().time(),
                        step.committedAt(),
                        step.commit().message(),
                        step.files()))
                .containsExactlyElementsOf(expected);
        assertThat(history.steps())
                .extracting(step -> step.commit().filesChanged())
                .containsExactlyElementsOf(
                        expected.stream().map(e -> e.files().size()).toList());
    }

    @Test
    void shouldFindEachCommitOfTheChainByItsIdAndNoOther() throws Exception {
        // When
        FirstParentHistory history = new FirstParentLog(git, DIFF_OPTIONS)
                .read(repo.head(), WalkProgress.NONE)
                .history("main");

        // Then
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.indexOf(history.id(i))).isEqualTo(i);
        }
        assertThat(history.indexOf(repo.git("rev-parse", "feature").strip())).isEqualTo(-1);
        assertThat(history.indexOf("not a commit id")).isEqualTo(-1);
        assertThat(history.indexOf(history.id(3).toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(3);
    }

    @Test
    void shouldReportProgressAndTellTheCommitsTheMergeBrought() throws Exception {
        // Given
        List<long[]> progress = new ArrayList<>();

        // When
        FirstParentLog.Walked walked = new FirstParentLog(git, DIFF_OPTIONS, 4)
                .read(repo.head(), (done, total) -> progress.add(new long[] {done, total}));

        // Then: every 4 commits, then the whole chain, its length known by then
        assertThat(progress).extracting(p -> p[0]).containsExactly(4L, 8L, 11L);
        assertThat(progress.get(progress.size() - 1)[1]).isEqualTo(11L);
        List<HistoryStep> steps = walked.history("main").steps();
        assertThat(steps.get(9).commits()).extracting(Commit::message).containsExactly("f1", "docs", "Merge feature");
        assertThat(steps).filteredOn(s -> s.commits().size() > 1).hasSize(1);
    }

    @Test
    void shouldFindNoSideCommitInALinearHistory() throws Exception {
        // Given
        TestRepository linear = new TestRepository(temp.resolve("linear"));
        linear.write("a", "1\n").commit("a");
        linear.write("b", "2\n").commit("b");

        // When
        FirstParentLog.Walked walked =
                new FirstParentLog(new GitCommand(linear.dir()), DIFF_OPTIONS).read(linear.head(), WalkProgress.NONE);

        // Then
        assertThat(walked.history("main").steps())
                .extracting(s -> s.commit().message())
                .containsExactly("a", "b");
        assertThat(walked.graph()).isSameAs(CommitGraph.EMPTY);
    }

    @Test
    void shouldFollowFirstParentsWhenAWrongClockListsAParentBeforeItsChild() throws Exception {
        // Given a first parent dated after its child on the chain, and reached first through a merged commit
        TestRepository skewed = new TestRepository(temp.resolve("skewed"));
        String root = skewed.write("a", "1\n").commit("root");
        String parent = skewed.clockAt(1_900_000_000L).write("b", "2\n").commit("parent from the future");
        skewed.git("checkout", "-q", "-b", "side");
        String side = skewed.clockAt(1_950_000_000L).write("s", "3\n").commit("side");
        skewed.git("checkout", "-q", "main");
        String child = skewed.clockAt(1_800_000_000L).write("c", "4\n").commit("child");
        skewed.clockAt(2_000_000_000L).git("merge", "-q", "--no-ff", "-m", "merge", "side");
        String merge = skewed.head();
        assertThat(skewed.git("rev-list", merge).lines().toList()).containsExactly(merge, side, parent, child, root);

        // When
        FirstParentLog.Walked walked =
                new FirstParentLog(new GitCommand(skewed.dir()), DIFF_OPTIONS).read(merge, WalkProgress.NONE);

        // Then
        FirstParentHistory history = walked.history("main");
        assertThat(history.steps()).extracting(s -> s.commit().id()).containsExactly(root, parent, child, merge);
        assertThat(history.steps().get(3).commits()).extracting(Commit::id).containsExactly(side, merge);
    }

    @Test
    void shouldLeaveNoScratchFileWhenTheListenerCancels() throws IOException {
        // Given
        List<Path> before = walkFolders();
        FirstParentLog log = new FirstParentLog(git, DIFF_OPTIONS, 2);

        // When / Then
        assertThatThrownBy(() -> log.read(repo.head(), (done, total) -> {
                    if (done >= 2) {
                        throw new IllegalStateException("cancelled by the user");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cancelled by the user");
        assertThat(walkFolders()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldNameGitsErrorForAnUnknownTip() {
        // Given
        FirstParentLog log = new FirstParentLog(git, DIFF_OPTIONS);

        // When / Then
        assertThatThrownBy(() -> log.read("0123456789012345678901234567890123456789", WalkProgress.NONE))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("git log failed");
    }

    private List<LogEntry> singleLog() throws IOException {
        List<String> args = new ArrayList<>(List.of("log", "--first-parent", "--reverse"));
        args.addAll(DIFF_OPTIONS);
        args.add(repo.head());
        String out = repo.git(args.toArray(String[]::new));
        return GitLogParser.parseAll(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> walkFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("rebuild-causes-walk"))
                    .toList();
        }
    }
}
