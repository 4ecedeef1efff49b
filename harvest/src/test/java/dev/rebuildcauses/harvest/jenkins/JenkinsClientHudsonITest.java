package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jenkins client against a real Hudson 3.3.2: the shapes where Hudson differs from Jenkins. */
class JenkinsClientHudsonITest {
    @TempDir
    static Path dir;

    private static HudsonServer hudson;
    private static Path bare;
    private static String firstSha;
    private static String codeSha;
    private static String emptySha;

    @BeforeAll
    static void startHudsonAndBuildTwice() throws IOException, InterruptedException {
        bare = dir.resolve("image-base.git");
        Path work = dir.resolve("work");
        git(dir, "init", "-q", "--bare", bare.toString());
        git(dir, "init", "-q", work.toString());
        Files.writeString(work.resolve("Dockerfile"), "FROM python:3.12-slim\n");
        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "Dockerfile");
        firstSha = git(work, "rev-parse", "HEAD");
        git(work, "push", "-q", bare.toUri().toString(), "HEAD:refs/heads/master");

        hudson = HudsonServer.start(dir);
        hudson.createJob(
                "image-base",
                JobConfigParserTest.HUDSON_CONFIG
                        .strip()
                        .replace("file:///srv/git/image-base.git", bare.toUri().toString()));
        hudson.build("image-base", 1);

        Files.writeString(work.resolve("app.py"), "print('hello')\n");
        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "code");
        codeSha = git(work, "rev-parse", "HEAD");
        git(work, "commit", "-q", "--allow-empty", "-m", "pick up new base image");
        emptySha = git(work, "rev-parse", "HEAD");
        git(work, "push", "-q", bare.toUri().toString(), "HEAD:refs/heads/master");
        hudson.build("image-base", 2);
    }

    @AfterAll
    static void stopHudson() throws InterruptedException {
        if (hudson != null) {
            hudson.close();
        }
    }

    @Test
    void shouldHarvestHudsonBuildsThroughTheUnpagedFallback() throws Exception {
        RemoteHttp http =
                RemoteHttp.create("Hudson", HttpSettings.defaults(), Credentials.basic("admin", "unused-token"));
        JenkinsClient client = new JenkinsClient(hudson.url(), http);

        List<BuildJob> jobs = client.discoverJobs(List.of("**"), List.of());
        List<JenkinsBuild> builds = client.builds(jobs.get(0), 0);
        long requestsForAll = client.requestCount();
        List<JenkinsBuild> newer = client.builds(jobs.get(0), 1);

        assertThat(jobs).containsExactly(new BuildJob("image-base", hudson.url() + "job/image-base/", ""));
        assertThat(client.rangesSupported()).contains(false);
        // discovery, the rejected range probe, the unpaged list; then one request, no probe
        assertThat(requestsForAll).isEqualTo(3);
        assertThat(client.requestCount()).isEqualTo(4);
        assertThat(newer).extracting(JenkinsBuild::number).containsExactly(2L);

        assertThat(builds).extracting(JenkinsBuild::number).containsExactly(1L, 2L);
        JenkinsBuild first = builds.get(0);
        JenkinsBuild second = builds.get(1);
        assertThat(first.revisions()).containsExactly(new BuiltRevision(firstSha, "origin/master", List.of()));
        assertThat(second.revisions()).containsExactly(new BuiltRevision(emptySha, "origin/master", List.of()));
        // Hudson's changelog leaves the empty commit out: the range must come from the revisions
        assertThat(second.changeSetCommitIds()).containsExactly(codeSha);
        assertThat(second.result()).isEqualTo("SUCCESS");
        assertThat(second.building()).isFalse();
        assertThat(second.duration()).isNotNull();
        assertThat(second.causes()).extracting(TriggerCause::className).containsExactly("");
        assertThat(TriggerLabels.label(second.causes())).isEqualTo("user:anonymous");
    }

    @Test
    void shouldReadTheRepositoryUrlFromTheJobConfig() throws Exception {
        JenkinsClient client = new JenkinsClient(
                hudson.url(), RemoteHttp.create("Hudson", HttpSettings.defaults(), Credentials.none()));
        BuildJob job = new BuildJob("image-base", hudson.url() + "job/image-base/", "");

        assertThat(client.gitRemoteUrls(job)).containsExactly(bare.toUri().toString());
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
