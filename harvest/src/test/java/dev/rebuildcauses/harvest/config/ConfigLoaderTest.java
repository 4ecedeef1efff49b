package dev.rebuildcauses.harvest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("rebuild-causes.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private HarvestConfig load(String yaml) throws Exception {
        return new ConfigLoader().load(write(yaml));
    }

    private String failure(String yaml) throws IOException {
        Path file = write(yaml);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new ConfigLoader().load(file));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        return thrown.getMessage();
    }

    @Test
    void shouldReadTheIssueExampleWithPathsResolvedAgainstTheConfigFolder() throws Exception {
        // Given the example of the issue
        HarvestConfig config = load(
                """
                jenkins:
                  url: http://127.0.0.1:8080/
                  user: admin                 # optional
                  tokenEnv: JENKINS_TOKEN
                  include: ["**"]
                  exclude: []
                changes:
                  source: git
                  url: https://bitbucket.example.com
                  tokenEnv: BITBUCKET_TOKEN
                  repositories:
                    "images/*": /srv/mirrors/images.git
                    "tools/**": mirrors/tools.git
                    "cloud/*": https://bitbucket.example.com/scm/CL/cloud.git
                store: jdbc:h2:file:./rebuild-causes-data/store
                rules: rules.txt
                """);

        // Then every value is read, relative paths resolve against the file's folder
        assertThat(config.jenkins().url()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(config.jenkins().user()).isEqualTo("admin");
        assertThat(config.jenkins().token()).isEqualTo(TokenRef.env("JENKINS_TOKEN", "jenkins.tokenEnv"));
        assertThat(config.jenkins().include()).containsExactly("**");
        assertThat(config.changes().source()).isEqualTo(ChangeSourceKind.GIT);
        assertThat(config.changes().repositoryFor("images/base")).contains("/srv/mirrors/images.git");
        assertThat(config.changes().repositoryFor("tools/a/b"))
                .contains(dir.resolve("mirrors/tools.git").toString());
        assertThat(config.changes().repositoryFor("cloud/x"))
                .contains("https://bitbucket.example.com/scm/CL/cloud.git");
        assertThat(config.changes().repositoryFor("images/a/b")).isEmpty();
        assertThat(config.store()).isEqualTo("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"));
        assertThat(config.rulesFile()).contains(dir.resolve("rules.txt"));
    }

    @Test
    void shouldApplyDefaultsForOptionalKeys() throws Exception {
        HarvestConfig config = load(
                """
                jenkins: {url: "https://ci.example.com/"}
                changes: {source: bitbucket-cloud, url: "https://api.bitbucket.org/"}
                """);
        assertThat(config.jenkins().include()).containsExactly("**");
        assertThat(config.jenkins().exclude()).isEmpty();
        assertThat(config.jenkins().tokenRef()).isEmpty();
        assertThat(config.store()).isEqualTo("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"));
        assertThat(config.rulesFile()).isEmpty();
        assertThat(config.changes().concurrencyOr(8)).isEqualTo(8);
    }

    @Test
    void shouldReadTheRangeConcurrencyWithinItsBounds() throws Exception {
        HarvestConfig config = load(
                """
                jenkins: {url: "https://ci.example.com/"}
                changes: {source: bitbucket-server, url: "https://bb.example.com/", concurrency: 16}
                """);
        assertThat(config.changes().concurrencyOr(8)).isEqualTo(16);
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: bitbucket-server, url: "https://bb/", concurrency: 0}
                        """))
                .isEqualTo(
                        "rebuild-causes.yml: changes.concurrency: expected a whole number from 1 to 64 but found '0'");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: bitbucket-server, url: "https://bb/", concurrency: many}
                        """))
                .isEqualTo(
                        "rebuild-causes.yml: changes.concurrency: expected a whole number from 1 to 64 but found 'many'");
    }

    @Test
    void shouldMirrorBitbucketRepositoriesUnlessTheConfigKeepsToTheRestApi() throws Exception {
        // Bitbucket kinds mirror by default; the git source reads the clones it is given
        assertThat(mirrors("{source: bitbucket-server, url: \"https://bb.example.com/\"}"))
                .isTrue();
        assertThat(mirrors("{source: bitbucket-cloud}")).isTrue();
        assertThat(mirrors("{source: git, repositories: {\"**\": /srv/clones/all.git}}"))
                .isFalse();

        // where cloning is not allowed, the switch keeps the REST API
        assertThat(mirrors("{source: bitbucket-server, url: \"https://bb.example.com/\", mirror: false}"))
                .isFalse();
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: git, mirror: true}
                        """))
                .contains("changes.mirror: only for bitbucket-server and bitbucket-cloud");
    }

    /** Whether a config with this {@code changes:} section resolves ranges from mirrors. */
    private boolean mirrors(String changes) throws Exception {
        return load("jenkins: {url: \"https://ci.example.com/\"}\nchanges: " + changes + "\n")
                .changes()
                .mirror();
    }

    @Test
    void shouldNameTheKeyAndTheAllowedValuesForAnUnknownSource() throws Exception {
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: svn}
                        """))
                .isEqualTo("rebuild-causes.yml: changes.source: expected one of git, bitbucket-server, "
                        + "bitbucket-cloud but found 'svn'");
    }

    @Test
    void shouldSuggestTheNearestKeyForAMisspeltOne() throws Exception {
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/", includes: ["a/*"]}
                        changes: {source: git, repositories: {"*": /r}}
                        """))
                .isEqualTo("rebuild-causes.yml: jenkins.includes: unknown key (did you mean include?)");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: git, repositories: {"*": /r}}
                        colour: blue
                        """))
                .isEqualTo(
                        "rebuild-causes.yml: colour: unknown key (expected one of changes, exports, harvest, jenkins, rules, server, store)");
    }

    @Test
    void shouldRejectWrongTypesWithWhatWasExpected() throws Exception {
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/", include: "images/*"}
                        changes: {source: git, repositories: {"*": /r}}
                        """))
                .isEqualTo("rebuild-causes.yml: jenkins.include: expected a list of job globs, e.g. [\"images/**\"], "
                        + "but found text 'images/*'");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/", exclude: [1]}
                        changes: {source: git, repositories: {"*": /r}}
                        """))
                .isEqualTo("rebuild-causes.yml: jenkins.exclude[0]: expected a job glob but found a number (1)");
        assertThat(
                        failure(
                                """
                        jenkins: {url: 8080}
                        changes: {source: git}
                        """))
                .isEqualTo("rebuild-causes.yml: jenkins.url: expected a text value but found a number (8080)");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "ftp://ci/"}
                        changes: {source: git}
                        """))
                .isEqualTo(
                        "rebuild-causes.yml: jenkins.url: expected an http:// or https:// URL but found 'ftp://ci/'");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: git, repositories: ["/r"]}
                        """))
                .startsWith("rebuild-causes.yml: changes.repositories: expected a mapping");
    }

    @Test
    void shouldRejectATokenWrittenInTheFileWithoutRepeatingIt() throws Exception {
        String message = failure(
                """
                jenkins: {url: "http://ci/", user: admin, token: 11aa22bb33cc44dd}
                changes: {source: git, repositories: {"*": /r}}
                """);
        assertThat(message)
                .startsWith(
                        "rebuild-causes.yml: jenkins.token: a token or password is never written in the config file")
                .doesNotContain("11aa22bb33cc44dd");
        String inEnv = failure(
                """
                jenkins: {url: "http://ci/", tokenEnv: "11aa22bb-33cc-44dd"}
                changes: {source: git, repositories: {"*": /r}}
                """);
        assertThat(inEnv)
                .contains("jenkins.tokenEnv: expected the name of an environment variable")
                .doesNotContain("11aa22bb");
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://admin:s3cret@ci/"}
                        changes: {source: git, repositories: {"*": /r}}
                        """))
                .contains("jenkins.url: credentials are never written in the URL")
                .doesNotContain("s3cret");
    }

    @Test
    void shouldRejectAStorePasswordWrittenInTheFile() throws Exception {
        String message = failure(
                """
                jenkins: {url: "http://ci/"}
                changes: {source: git, repositories: {"*": /r}}
                store: "jdbc:postgresql://db:5432/rc?user=rc&password=pg-secret-9"
                """);
        assertThat(message)
                .startsWith("rebuild-causes.yml: store: a password is never written in the config file")
                .doesNotContain("pg-secret-9");
        HarvestConfig config = load(
                """
                jenkins: {url: "http://ci/"}
                changes: {source: git, repositories: {"*": /r}}
                store: "jdbc:postgresql://db:5432/rc?user=rc"
                """);
        assertThat(config.store()).isEqualTo("jdbc:postgresql://db:5432/rc?user=rc");
    }

    @Test
    void shouldRequireWhatEachSourceNeeds() throws Exception {
        assertThat(
                        failure(
                                """
                        jenkins: {url: "http://ci/"}
                        changes: {source: bitbucket-server}
                        """))
                .isEqualTo("rebuild-causes.yml: changes.url: missing; bitbucket-server needs the server's URL");
        Path gitWithoutClones = write(
                """
                jenkins: {url: "http://ci/"}
                changes: {source: git}
                """);
        assertThat(catchThrowable(() -> new ConfigLoader().loadForHarvest(gitWithoutClones)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rebuild-causes.yml: changes.repositories: missing");
        // a report only reads the store: it needs no clones
        assertThat(new ConfigLoader().load(gitWithoutClones).changes().repositories())
                .isEmpty();
        assertThat(failure("changes: {source: git}\n")).startsWith("rebuild-causes.yml: jenkins: missing");
        assertThat(failure("")).startsWith("rebuild-causes.yml: the file is empty");
    }

    @Test
    void shouldReportMalformedYamlWithItsLine() throws Exception {
        assertThat(failure("jenkins:\n  url: http://ci/\n  url: http://other/\n"))
                .startsWith("rebuild-causes.yml:3: not valid YAML")
                .contains("url");
    }

    @Test
    void shouldReadTokensOnlyWhenAskedAndNeverShowThem() throws Exception {
        // Given a token in a file beside the config and one in the environment
        Files.writeString(dir.resolve("jenkins.token"), "file-secret-123\n");
        HarvestConfig config = load(
                """
                jenkins: {url: "http://ci/", user: admin, tokenFile: jenkins.token}
                changes: {source: bitbucket-server, url: "https://bb/", tokenEnv: BB_TOKEN}
                """);

        // Then they resolve from their places, and no config text contains them
        assertThat(config.jenkins().token().resolve(Map.of())).isEqualTo("file-secret-123");
        assertThat(config.changes().token().resolve(Map.of("BB_TOKEN", "env-secret-456")))
                .isEqualTo("env-secret-456");
        assertThat(config.toString()).doesNotContain("file-secret-123").doesNotContain("env-secret-456");
        assertThatThrownBy(() -> config.changes().token().resolve(Map.of()))
                .hasMessage("changes.tokenEnv: environment variable BB_TOKEN is not set");
    }
}
