package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.JdbcUrls;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import dev.rebuildcauses.simulator.server.GitSmartHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode end to end: the simulated Bitbucket serves its repositories over git's smart HTTP
 * protocol; a harvest with {@code mirror: true} clones them into the data folder and resolves every
 * range from them, with no REST request to Bitbucket, and stores what a REST harvest stores.
 */
class MirrorHarvestSimulatorTest {
    private static final Map<String, String> ENV =
            Map.of("JENKINS_TOKEN", "demo-jenkins-token", "BITBUCKET_TOKEN", "demo-bitbucket-token");
    /**
     * What is compared, table by table. A range's files are the same set either way, but REST lists
     * them in path order and git in the order the range's commits first touched them (position).
     */
    private static final Map<String, String> TABLES = Map.of(
            "builds", "SELECT * FROM builds",
            "range_commits", "SELECT * FROM range_commits",
            "range_files", "SELECT job, build_number, change_kind, path, old_path FROM range_files",
            // who and how many files: git names the author, Bitbucket gives the e-mail, and the REST
            // range lists no per-commit file count (-1); ids, parents, times and messages are equal
            "commits", "SELECT id, parents, author_time_ms, message FROM commits");

    @TempDir
    Path dir;

    @Test
    void shouldHarvestFromMirrorsWithoutRestRequestsAndStoreWhatTheRestHarvestStores() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(400))) {
            // Given the simulated servers, with the repositories also served over git's smart HTTP
            GitSmartHttpServer git = simulator.serveGit(dir.resolve("served"));
            Path rest = config("rest", simulator, false);
            Path mirror = config("mirror", simulator, true);

            // When one harvest goes through the REST API and another through mirrors, twice
            harvest(rest);
            simulator.resetCounts();
            HarvestSummary first = harvest(mirror);
            long restRequests = simulator.bitbucket().requestCount();
            HarvestSummary second = harvest(mirror);

            // Then the mirror harvest asked Bitbucket's REST API nothing, cloned over git instead,
            // and kept the mirrors in the data folder without the token
            assertThat(first.changeRequests()).isZero();
            assertThat(restRequests).isZero();
            assertThat(git.requestCount()).isPositive();
            assertThat(git.refusedCount()).isZero();
            assertThat(first.newBuilds()).isEqualTo(simulator.history().buildCount());
            assertThat(second.changeRequests()).isZero();
            Path mirrors = mirror.getParent().resolve("rebuild-causes-data/mirrors");
            try (Stream<Path> files = Files.walk(mirrors)) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                assertThat(all).isNotEmpty();
                for (Path file : all) {
                    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain("demo-bitbucket-token");
                }
            }

            // And every finished build has the causes the generator planned, as through REST
            assertThat(causes(mirror)).isEqualTo(planned(simulator));
            Map<String, List<String>> fromRest = dump(rest);
            Map<String, List<String>> fromMirror = dump(mirror);
            for (String table : TABLES.keySet()) {
                assertThat(fromMirror.get(table)).as(table).isEqualTo(fromRest.get(table));
            }
        }
    }

    private Path config(String name, Simulator simulator, boolean mirror) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path file = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                file,
                """
                jenkins: {url: "%s", user: demo, tokenEnv: JENKINS_TOKEN}
                changes: {source: bitbucket-server, url: "%s", tokenEnv: BITBUCKET_TOKEN, mirror: %s}
                """
                        .formatted(simulator.jenkinsUrl(), simulator.bitbucketUrl(), mirror));
        return file;
    }

    private static HarvestSummary harvest(Path config) throws Exception {
        StringWriter out = new StringWriter();
        HarvestSummary summary =
                new HarvestRunner(new PrintWriter(out), new PrintWriter(new StringWriter()), ENV).run(config, true);
        assertThat(out.toString()).startsWith("harvested ");
        return summary;
    }

    private static Map<String, Set<String>> planned(Simulator simulator) {
        Map<String, Set<String>> planned = new HashMap<>();
        for (SimulatedJob job : simulator.history().buildableJobs()) {
            for (SimulatedBuild build : job.builds()) {
                if (!build.building()) {
                    planned.put(job.fullName().replace("%2F", "/") + "#" + build.number(), build.plannedCauses());
                }
            }
        }
        return planned;
    }

    private static Map<String, Set<String>> causes(Path config) throws Exception {
        Map<String, Set<String>> found = new HashMap<>();
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        try (BuildStore store = BuildStore.open(storeUrl(config))) {
            for (BuildChanges build : store.loadBuildChanges(BuildFilter.all())) {
                found.put(
                        build.build().job() + "#" + build.build().number(),
                        Set.copyOf(classifier.classify(build).causes().names()));
            }
        }
        return found;
    }

    private static String storeUrl(Path config) {
        return "jdbc:h2:file:" + config.getParent().resolve("rebuild-causes-data/store");
    }

    private static Map<String, List<String>> dump(Path config) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(storeUrl(config)));
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(table.getValue())) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(" | ").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                dump.put(table.getKey(), rows);
            }
        }
        return dump;
    }
}
