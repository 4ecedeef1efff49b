package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.git.LocalGitChangeSource;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.run.HarvestPlan;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.run.Harvester;
import dev.rebuildcauses.harvest.run.JenkinsClientSource;
import dev.rebuildcauses.harvest.run.RevisionChooser;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole harvest against a real Hudson 3.3.2 building a git job on a local bare repository, with
 * the local git change source: every build's causes come out exactly as its commits made them.
 */
class HarvestHudsonITest {
    @TempDir
    Path dir;

    private Path work;
    private Path bare;

    @Test
    void shouldHarvestEveryHudsonBuildWithTheCausesItsCommitsMade() throws Exception {
        // Given a repository with a Dockerfile, code, a Jenkinsfile and docs, and a Hudson job building it
        bare = dir.resolve("image-base.git");
        work = dir.resolve("work");
        git(dir, "init", "-q", "--bare", bare.toString());
        git(dir, "init", "-q", work.toString());
        write("Dockerfile", "FROM python:3.12-slim\n");
        write("app.py", "print('hello')\n");
        write("Jenkinsfile", "node { sh 'docker build .' }\n");
        write("README.md", "# image-base\n");
        commitAndPush("initial");

        Map<Long, List<String>> expected = new LinkedHashMap<>();
        try (HudsonServer hudson = HudsonServer.start(dir)) {
            hudson.createJob(
                    "image-base",
                    JobConfigParserTest.HUDSON_CONFIG
                            .strip()
                            .replace(
                                    "file:///srv/git/image-base.git",
                                    bare.toUri().toString()));
            hudson.build("image-base", 1);
            expected.put(1L, List.of("first-build"));

            write("Dockerfile", "FROM python:3.13-slim\n");
            commitAndPush("newer python");
            hudson.build("image-base", 2);
            expected.put(2L, List.of("environment"));

            write("app.py", "print('hello, world')\n");
            commitAndPush("greet the world");
            hudson.build("image-base", 3);
            expected.put(3L, List.of("code"));

            write("Jenkinsfile", "node { sh 'docker build --pull .' }\n");
            commitAndPush("pull base images");
            hudson.build("image-base", 4);
            expected.put(4L, List.of("ci"));

            write("README.md", "# image-base\n\nThe base image.\n");
            commitAndPush("document");
            hudson.build("image-base", 5);
            expected.put(5L, List.of("docs"));

            git(work, "commit", "-q", "--allow-empty", "-m", "rebuild for the new base image");
            git(work, "push", "-q", bare.toUri().toString(), "HEAD:refs/heads/master");
            hudson.build("image-base", 6);
            expected.put(6L, List.of("empty-commit"));

            hudson.build("image-base", 7);
            expected.put(7L, List.of("no-new-commit"));

            write("app.py", "print('hi')\n");
            commitAndPush("shorter");
            write("README.md", "# image-base\n");
            commitAndPush("shorter docs");
            hudson.build("image-base", 8);
            expected.put(8L, List.of("code", "docs"));

            // When it is harvested with the bare repository as the job's local clone
            String store = "jdbc:h2:file:" + dir.resolve("data/store");
            HarvestSummary first = harvest(hudson, store);

            // Then every build carries exactly the causes its commits made
            Map<Long, List<String>> found = new LinkedHashMap<>();
            BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
            List<BuildChanges> stored;
            try (BuildStore opened = BuildStore.open(store)) {
                stored = opened.loadBuildChanges(BuildFilter.all());
            }
            for (BuildChanges build : stored) {
                found.put(
                        build.build().number(),
                        classifier.classify(build).causes().names());
            }
            assertThat(found).isEqualTo(expected);
            assertThat(first.newBuilds()).isEqualTo(8);
            assertThat(first.ranges()).isEqualTo(6);
            assertThat(stored.get(7).range().commits()).hasSize(2);
            assertThat(stored.get(0).build().trigger()).isEqualTo("user:anonymous");
            assertThat(stored.get(0).build().hasDuration()).isTrue();
            assertThat(stored.get(0).build().result()).isEqualTo("SUCCESS");

            // And a second harvest finds nothing new with a handful of requests and no range
            HarvestSummary second = harvest(hudson, store);
            assertThat(second.newBuilds()).isZero();
            assertThat(second.ranges()).isZero();
            // discovery, the rejected range probe, the unpaged build list
            assertThat(second.jenkinsRequests()).isEqualTo(3);
        }
    }

    private HarvestSummary harvest(HudsonServer hudson, String store) throws Exception {
        JenkinsClient client = new JenkinsClient(
                hudson.url(), RemoteHttp.create("Hudson", HttpSettings.defaults(), Credentials.none()));
        try (BuildStore opened = BuildStore.open(store)) {
            return new Harvester(
                            opened,
                            new JenkinsClientSource(client),
                            LocalGitChangeSource.of(Map.of(bare.toString(), bare)),
                            RevisionChooser.BY_URL,
                            TriggerLabels::label,
                            HarvestPlan.everything().withRepositories(job -> Optional.of(bare.toString())),
                            HarvestProgress.NONE)
                    .harvest();
        }
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(work.resolve(file), text);
    }

    private void commitAndPush(String message) throws IOException, InterruptedException {
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", message);
        git(work, "push", "-q", bare.toUri().toString(), "HEAD:refs/heads/master");
    }

    private static String git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "-c", "init.defaultBranch=master"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
