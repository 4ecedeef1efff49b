package dev.rebuildcauses.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.model.TriggerCause;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRecorderTest {
    private static final List<TriggerCause> BY_USER =
            List.of(new TriggerCause("hudson.model.Cause$UserCause", "Started by user anonymous", "anonymous"));

    @TempDir
    Path dir;

    private PluginStore store;

    @BeforeEach
    void open() throws HarvestException {
        store = PluginStore.open("jdbc:h2:file:" + dir.resolve("store"));
    }

    @AfterEach
    void close() throws HarvestException {
        store.close();
    }

    @Test
    void shouldTakeTheRevisionFromTheEnvironmentAndTheRangeFromTheServersChangeSet() throws HarvestException {
        // Given a recorder with no change source and a first build
        BuildRecorder recorder = new BuildRecorder(store, Optional.empty());
        recorder.record(build(1, "aaa", ""));

        // When a build whose change set holds a Dockerfile change is recorded
        StoredBuild second = recorder.record(build(2, "bbb", hudsonJson("bbb", "Dockerfile")));

        // Then its range runs from the previous revision and holds the server's files
        assertThat(second.range().status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(second.range().fromRevision()).isEqualTo("aaa");
        assertThat(second.range().files()).extracting(f -> f.path()).containsExactly("Dockerfile");
        assertThat(second.build().trigger()).isEqualTo("user:anonymous");
        assertThat(causesOf(2)).containsExactly("environment");
    }

    @Test
    void shouldFallBackToTheRemoteApiDataWhenTheEnvironmentHasNoRevision() throws HarvestException {
        // Given builds whose environment carried no GIT_COMMIT (Hudson's JSON shape: no _class, SHA in id)
        BuildRecorder recorder = new BuildRecorder(store, Optional.empty());
        recorder.record(build(1, "", hudsonJson("aaa")));

        // When the next build is recorded from its exported JSON alone
        StoredBuild second = recorder.record(build(2, "", hudsonJson("bbb", "app.py")));

        // Then the revision and branch come from the build's BuildData
        assertThat(second.build().revision()).isEqualTo("bbb");
        assertThat(second.build().branch()).isEqualTo("origin/master");
        assertThat(second.range().fromRevision()).isEqualTo("aaa");
        assertThat(causesOf(2)).containsExactly("code");
    }

    @Test
    void shouldReadJenkinsShapedJsonToo() throws HarvestException {
        // Given Jenkins' shape: _class, commitId, remoteUrls, affectedPaths
        String jenkins =
                """
                {"_class":"hudson.model.FreeStyleBuild","number":2,"actions":[
                  {"_class":"hudson.plugins.git.util.BuildData","lastBuiltRevision":{"SHA1":"bbb",
                   "branch":[{"SHA1":"bbb","name":"refs/remotes/origin/main"}]},
                   "remoteUrls":["https://bitbucket.example.com/scm/img/app.git"]}],
                 "changeSet":{"_class":"hudson.plugins.git.GitChangeSetList","items":[
                  {"commitId":"bbb","msg":"docs","affectedPaths":["README.md"],"timestamp":1700000000000}]}}
                """;
        BuildRecorder recorder = new BuildRecorder(store, Optional.empty());
        recorder.record(withBranch(build(1, "aaa", ""), "refs/remotes/origin/main"));

        StoredBuild second = recorder.record(build(2, "", jenkins));

        assertThat(second.repository()).isEqualTo("https://bitbucket.example.com/scm/img/app.git");
        assertThat(second.range().commits()).singleElement().satisfies(c -> assertThat(c.time())
                .isNotNull());
        assertThat(causesOf(2)).containsExactly("docs");
    }

    @Test
    void shouldCallARevisionThatMovedWithoutListedCommitsAnEmptyCommit() throws HarvestException {
        // Given the server leaves empty commits out of its change set
        BuildRecorder recorder = new BuildRecorder(store, Optional.empty());
        recorder.record(build(1, "aaa", ""));

        recorder.record(build(2, "bbb", hudsonJson("bbb")));
        recorder.record(build(3, "bbb", hudsonJson("bbb")));

        assertThat(causesOf(2)).containsExactly("empty-commit");
        assertThat(causesOf(3)).containsExactly("no-new-commit");
    }

    @Test
    void shouldAskTheConfiguredChangeSourceForTheRange() throws HarvestException {
        // Given a change source answering with a dependency change
        ChangeSource source = (repository, from, to) -> ChangeRange.resolved(
                from,
                to,
                List.of(new dev.rebuildcauses.analysis.model.Commit(to, List.of(from), "", null, "deps", 1)),
                List.of(dev.rebuildcauses.analysis.model.FileChange.of(
                        dev.rebuildcauses.analysis.model.ChangeKind.MODIFY, "requirements.txt")));
        BuildRecorder recorder = new BuildRecorder(store, Optional.of(source));
        recorder.record(withUrl(build(1, "aaa", ""), "file:///srv/app.git"));

        recorder.record(withUrl(build(2, "bbb", ""), "file:///srv/app.git"));

        assertThat(causesOf(2)).containsExactly("dependencies");
    }

    private List<String> causesOf(long number) throws HarvestException {
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        return store.builds(BuildFilter.all()).stream()
                .filter(b -> b.build().number() == number)
                .map(b -> classifier.classify(b).causes().names())
                .findFirst()
                .orElseThrow();
    }

    static FinishedBuild build(long number, String commit, String json) {
        return new FinishedBuild(
                "image",
                number,
                1_700_000_000_000L + number * 60_000,
                30_000,
                "SUCCESS",
                BY_USER,
                commit,
                commit.isEmpty() ? "" : "origin/master",
                "",
                json);
    }

    /** Hudson 3.3.2's JSON of a git build: no _class, the SHA in id, paths with editType. */
    static String hudsonJson(String sha, String... files) {
        StringBuilder paths = new StringBuilder();
        for (String file : files) {
            paths.append(paths.length() == 0 ? "" : ",")
                    .append("{\"editType\":\"edit\",\"file\":\"")
                    .append(file)
                    .append("\"}");
        }
        String items = files.length == 0
                ? ""
                : "{\"commitId\":null,\"id\":\"" + sha + "\",\"msg\":\"change\",\"author\":{\"fullName\":\"Dev\"},"
                        + "\"paths\":[" + paths + "]}";
        return "{\"number\":1,\"building\":false,\"actions\":[{\"causes\":[{\"shortDescription\":"
                + "\"Started by user anonymous\"}]},{\"lastBuiltRevision\":{\"SHA1\":\"" + sha + "\",\"branch\":"
                + "[{\"SHA1\":\"" + sha + "\",\"name\":\"origin/master\"}]},\"buildsByBranchName\":{}}],"
                + "\"changeSet\":{\"items\":[" + items + "],\"kind\":\"git\"}}";
    }

    static FinishedBuild withBranch(FinishedBuild b, String branch) {
        return new FinishedBuild(
                b.job(),
                b.number(),
                b.startedMillis(),
                b.durationMillis(),
                b.result(),
                b.causes(),
                b.gitCommit(),
                branch,
                b.gitUrl(),
                b.buildJson());
    }

    static FinishedBuild withUrl(FinishedBuild b, String url) {
        return new FinishedBuild(
                b.job(),
                b.number(),
                b.startedMillis(),
                b.durationMillis(),
                b.result(),
                b.causes(),
                b.gitCommit(),
                b.gitBranch(),
                url,
                b.buildJson());
    }
}
