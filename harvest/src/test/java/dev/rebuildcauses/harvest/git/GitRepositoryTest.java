package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryTest {
    @TempDir
    Path temp;

    private TestRepository repo;
    private String root;
    private String rename;
    private String empty;
    private String side1;
    private String side2;
    private String merge;
    private String odd;

    @BeforeEach
    void createHistory() {
        repo = new TestRepository(temp.resolve("img"));
        root = repo.write("Dockerfile", "FROM python\n")
                .write("app.py", "print(1)\n")
                .commit("init");
        repo.git("mv", "app.py", "my \u00e4pp.py");
        rename = repo.commitStaged("move");
        empty = repo.commitStaged("rebuild for new base", "--allow-empty");
        repo.git("checkout", "-q", "-b", "feature");
        side1 = repo.write("f1.py", "x\n").commit("f1");
        side2 = repo.write("README.md", "# hi\n").commit("docs");
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        merge = repo.head();
        odd = repo.write("we\"ird\tname .txt", "t\n").commit("-odd");
    }

    @Test
    void shouldTakeEachFirstParentCommitAsOneStep() throws HarvestException {
        // Given
        GitRepository git = GitRepository.open(repo.dir());
        List<long[]> progress = new ArrayList<>();

        // When
        FirstParentHistory history =
                git.firstParentHistory("HEAD", (done, total) -> progress.add(new long[] {done, total}));

        // Then
        assertThat(history.branch()).isEqualTo("main");
        assertThat(history.steps()).extracting(s -> s.commit().id()).containsExactly(root, rename, empty, merge, odd);
        assertThat(history.rangeOf(0)).isEqualTo(ChangeRange.firstBuild(root));
        assertThat(history.rangeOf(1).files())
                .containsExactly(new FileChange(ChangeKind.RENAME, "my \u00e4pp.py", "app.py"));
        assertThat(history.rangeOf(2).status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(history.rangeOf(2).files()).isEmpty();
        assertThat(history.rangeOf(2).commits()).extracting(Commit::isEmpty).containsExactly(true);
        assertThat(history.rangeOf(4).files()).containsExactly(FileChange.of(ChangeKind.ADD, "we\"ird\tname .txt"));
        assertThat(history.rangeOf(4).commits().get(0).message()).isEqualTo("-odd");
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(5, 5));
    }

    @Test
    void shouldGiveAMergeEveryCommitItBroughtAndItsFirstParentDiff() throws HarvestException {
        // Given
        FirstParentHistory history = GitRepository.open(repo.dir()).firstParentHistory("main", WalkProgress.NONE);

        // When
        ChangeRange range = history.rangeOf(3);

        // Then
        assertThat(range.fromRevision()).isEqualTo(empty);
        assertThat(range.toRevision()).isEqualTo(merge);
        assertThat(range.commits()).extracting(Commit::id).containsExactly(side1, side2, merge);
        assertThat(range.commits()).extracting(Commit::isMerge).containsExactly(false, false, true);
        assertThat(range.commits().get(2).filesChanged()).isEqualTo(2);
        assertThat(range.commits().get(0).author()).isEqualTo("Ada");
        assertThat(range.files())
                .containsExactlyInAnyOrder(
                        FileChange.of(ChangeKind.ADD, "f1.py"), FileChange.of(ChangeKind.ADD, "README.md"));
    }

    @Test
    void shouldNotCountMainlineCommitsABranchMergedInAgain() throws HarvestException {
        // Given a branch that merged main back in before being merged itself
        repo.git("checkout", "-q", "-b", "topic");
        String g1 = repo.write("g1.py", "1\n").commit("g1");
        repo.git("checkout", "-q", "main");
        String h1 = repo.write("h1.py", "1\n").commit("h1");
        repo.git("checkout", "-q", "topic");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge main into topic", "main");
        String g2 = repo.head();
        String g3 = repo.write("g3.py", "1\n").commit("g3");
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge topic", "topic");
        String m2 = repo.head();

        // When
        FirstParentHistory history = GitRepository.open(repo.dir()).firstParentHistory("main", WalkProgress.NONE);

        // Then
        assertThat(history.steps()).extracting(s -> s.commit().id()).endsWith(h1, m2);
        ChangeRange range = history.rangeOf(history.indexOf(m2));
        assertThat(range.commits()).extracting(Commit::id).containsExactly(g1, g2, g3, m2);
        assertThat(range.files())
                .containsExactlyInAnyOrder(
                        FileChange.of(ChangeKind.ADD, "g1.py"), FileChange.of(ChangeKind.ADD, "g3.py"));
    }

    @Test
    void shouldNumberBuildsInPushOrderAtTheirCommitTime() throws HarvestException {
        // Given
        FirstParentHistory history = GitRepository.open(repo.dir()).firstParentHistory("main", WalkProgress.NONE);

        // When
        List<BuildChanges> builds = history.asBuilds("img");

        // Then: the first commit was made at 2026-01-05T10:00Z plus two git calls of one hour each
        Build first = builds.get(0).build();
        assertThat(first.job()).isEqualTo("img");
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.revision()).isEqualTo(root);
        assertThat(first.trigger()).isEqualTo("push");
        assertThat(first.duration()).isNull();
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-01-05T13:00:00Z"));
        assertThat(builds).extracting(b -> b.build().number()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldUniteRangesAlongTheChainWithoutAskingGit() throws HarvestException {
        // Given
        FirstParentHistory history = GitRepository.open(repo.dir()).firstParentHistory("main", WalkProgress.NONE);

        // When
        ChangeRange range = history.range(root, merge).orElseThrow();

        // Then
        assertThat(range.commits()).extracting(Commit::id).containsExactly(rename, empty, side1, side2, merge);
        assertThat(range.files()).hasSize(3);
        assertThat(history.range(merge, root)).isEmpty();
        assertThat(history.range(side1, merge)).isEmpty();
    }

    @Test
    void shouldResolveRangesOffTheChainWithGit() throws HarvestException {
        // Given a range starting on the merged branch
        GitRepository git = GitRepository.open(repo.dir());

        // When
        ChangeRange range = git.resolveRange(side1, odd);
        ChangeRange backwards = git.resolveRange(odd, rename);

        // Then
        assertThat(range.status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(range.commits()).extracting(Commit::id).containsExactly(side2, merge, odd);
        assertThat(range.files())
                .containsExactly(
                        FileChange.of(ChangeKind.ADD, "README.md"),
                        FileChange.of(ChangeKind.ADD, "f1.py"),
                        FileChange.of(ChangeKind.ADD, "we\"ird\tname .txt"));
        assertThat(backwards.status()).isEqualTo(RangeStatus.NO_NEW_COMMIT);
    }

    @Test
    void shouldResolveAbbreviatedIdsBranchesAndReportMissingOnes() throws HarvestException {
        // Given
        GitRepository git = GitRepository.open(repo.dir());

        // When
        Map<String, String> ids = git.resolveRevisions(List.of(rename.substring(0, 9), "feature", "deadbeef", "a b"));

        // Then
        assertThat(ids).containsOnly(Map.entry(rename.substring(0, 9), rename), Map.entry("feature", side2));
    }

    @Test
    void shouldJoinListedBuildsToTheirRangesKeepingUnknownOnes() throws HarvestException {
        // Given builds listed out of order, a repeated revision and one the repository lacks
        GitRepository git = GitRepository.open(repo.dir());
        RangeResolver resolver = new RangeResolver(git, git.firstParentHistory("HEAD", WalkProgress.NONE));
        List<Build> builds = List.of(
                build("img", 3, rename),
                build("img", 1, root),
                build("img", 2, rename.substring(0, 8)),
                build("img", 4, "0123456789abcdef"),
                build("img", 5, merge),
                build("other", 7, side1),
                build("other", 8, merge));

        // When
        List<BuildChanges> joined = resolver.join(builds, WalkProgress.NONE);

        // Then
        assertThat(joined).extracting(b -> b.build().number()).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L);
        assertThat(joined)
                .extracting(b -> b.range().status())
                .containsExactly(
                        RangeStatus.FIRST_BUILD,
                        RangeStatus.RESOLVED,
                        RangeStatus.NO_NEW_COMMIT,
                        RangeStatus.UNKNOWN,
                        RangeStatus.UNKNOWN,
                        RangeStatus.FIRST_BUILD,
                        RangeStatus.RESOLVED);
        assertThat(joined.get(1).range().fromRevision()).isEqualTo(root);
        assertThat(joined.get(1).range().toRevision()).isEqualTo(rename);
        assertThat(joined.get(3).range().problem()).isEqualTo("revision '0123456789abcdef' is not in repository img");
        assertThat(joined.get(4).range().problem())
                .isEqualTo("previous revision '0123456789abcdef' is not in repository img");
        assertThat(joined.get(6).range().commits()).extracting(Commit::id).containsExactly(side2, merge);
    }

    @Test
    void shouldMarkABuildWithoutRevisionAndRangeTheNextFromTheLastOneWithARevision() throws HarvestException {
        // Given a build between two others that recorded no revision (aborted before its checkout)
        GitRepository git = GitRepository.open(repo.dir());
        RangeResolver resolver = new RangeResolver(git, git.firstParentHistory("HEAD", WalkProgress.NONE));
        List<Build> builds = List.of(build("img", 1, root), build("img", 2, ""), build("img", 3, rename));

        // When
        List<BuildChanges> joined = resolver.join(builds, WalkProgress.NONE);

        // Then it is told apart from an unknown range, and the build after it ranges from the one before
        assertThat(joined)
                .extracting(b -> b.range().status())
                .containsExactly(RangeStatus.FIRST_BUILD, RangeStatus.NO_REVISION, RangeStatus.RESOLVED);
        assertThat(joined.get(2).range().fromRevision()).isEqualTo(root);
        assertThat(source().hasSourceFor("https://bitbucket.example/scm/x/nope.git"))
                .isFalse();
        assertThat(source().hasSourceFor("ssh://git@bitbucket.example:7999/img/img.git"))
                .isTrue();
    }

    private LocalGitChangeSource source() {
        return LocalGitChangeSource.mirrorsUnder(temp);
    }

    @Test
    void shouldServeRangesFromMirrorsNamedByCloneUrl() throws HarvestException {
        // Given
        LocalGitChangeSource source = LocalGitChangeSource.mirrorsUnder(temp);

        // When
        ChangeRange range = source.resolve("ssh://git@bitbucket.example:7999/img/img.git", empty, merge);

        // Then
        assertThat(range.commits()).extracting(Commit::id).containsExactly(side1, side2, merge);
        assertThatThrownBy(() -> source.resolve("https://bitbucket.example/scm/x/nope.git", root, merge))
                .isInstanceOf(HarvestException.class)
                .hasMessage("no local clone configured for repository https://bitbucket.example/scm/x/nope.git");
    }

    @Test
    void shouldRefuseAFolderThatIsNoRepositoryOfItsOwn() throws Exception {
        // Given a plain folder (inside this project's own work tree) and a missing one
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Path missing = temp.resolve("missing");

        // Then
        assertThatThrownBy(() -> GitRepository.open(plain))
                .isInstanceOf(NotAGitRepositoryException.class)
                .hasMessage("not a git repository: " + plain);
        assertThatThrownBy(() -> GitRepository.open(missing))
                .isInstanceOf(NotAGitRepositoryException.class)
                .hasMessage("no such directory: " + missing);
        assertThatThrownBy(() ->
                        GitRepository.open(Files.createDirectories(repo.dir().resolve("sub"))))
                .isInstanceOf(NotAGitRepositoryException.class);
    }

    @Test
    void shouldOpenBareClones() throws HarvestException {
        // Given
        repo.git(
                "clone",
                "-q",
                "--bare",
                repo.dir().toString(),
                temp.resolve("mirror.git").toString());

        // When
        GitRepository bare = GitRepository.open(temp.resolve("mirror.git"));

        // Then
        assertThat(bare.name()).isEqualTo("mirror");
        assertThat(bare.firstParentHistory("main", WalkProgress.NONE).steps()).hasSize(5);
    }

    @Test
    void shouldNameAnUnknownBranch() throws HarvestException {
        GitRepository git = GitRepository.open(repo.dir());

        assertThatThrownBy(() -> git.firstParentHistory("nope", WalkProgress.NONE))
                .isInstanceOf(UnknownBranchException.class)
                .hasMessage("unknown branch 'nope' in " + repo.dir());
        assertThatThrownBy(() -> git.resolveBranch("--all")).isInstanceOf(UnknownBranchException.class);
    }

    @Test
    void shouldSayWhenTheRepositoryHasNoCommitYet() throws HarvestException {
        TestRepository fresh = new TestRepository(temp.resolve("fresh"));
        GitRepository git = GitRepository.open(fresh.dir());

        assertThatThrownBy(() -> git.firstParentHistory("HEAD", WalkProgress.NONE))
                .isInstanceOf(UnknownBranchException.class)
                .hasMessage("unknown branch 'HEAD' in " + fresh.dir() + " (the repository has no commit yet)");
    }

    @Test
    void shouldServeRangesFromClonesNamedOneByOne() throws HarvestException {
        LocalGitChangeSource source = LocalGitChangeSource.of(Map.of("img", repo.dir()));

        ChangeRange range = source.resolve("img", root, rename);
        ChangeRange missing = source.resolve("img", rename, "feedbeef");

        assertThat(range.commits()).extracting(Commit::id).containsExactly(rename);
        assertThat(missing.status()).isEqualTo(RangeStatus.UNKNOWN);
        assertThat(missing.problem()).isEqualTo("revision 'feedbeef' is not in repository img");
    }

    private static Build build(String job, long number, String revision) {
        return new Build(job, number, Instant.parse("2026-01-05T10:00:00Z"), null, "", "", revision, "");
    }
}
