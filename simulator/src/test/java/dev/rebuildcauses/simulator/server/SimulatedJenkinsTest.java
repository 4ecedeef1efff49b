package dev.rebuildcauses.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedJenkinsTest {
    private static final SimulatedHistory HISTORY = SimulatedHistory.generate(42, 2000);
    private static Simulator simulator;
    private static Simulator hudson;
    private static String auth;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(SimulatorOptions.defaults(), HISTORY);
        hudson = Simulator.start(SimulatorOptions.defaults().withHudsonMode(true), HISTORY);
        auth = Http.basic("demo", "demo-jenkins-token");
    }

    @AfterAll
    static void stop() {
        simulator.close();
        hudson.close();
    }

    private static final String DISCOVERY = "jobs[name,url,jobs[name,url,jobs[name,url,jobs[name,url]]]]";

    @Test
    void shouldListFoldersMultibranchAndOrganizationFoldersWithTheirClasses() {
        // When the client discovers jobs recursively in one request
        JsonNode root = Http.json(simulator.jenkinsUrl() + "api/json?" + Http.tree(DISCOVERY), auth);

        // Then every item carries its _class and the branch name is encoded as Jenkins does
        List<String> leaves = new ArrayList<>();
        collect(root.get("jobs"), "", leaves);
        assertThat(leaves).hasSize(HISTORY.buildableJobs().size());
        assertThat(leaves)
                .contains(
                        "images/ml/torch=org.jenkinsci.plugins.workflow.job.WorkflowJob",
                        "images/base-python=hudson.model.FreeStyleProject",
                        "services/webapp/feature%2Fx=org.jenkinsci.plugins.workflow.job.WorkflowJob");
        JsonNode acme = find(root.get("jobs"), "acme");
        assertThat(acme.get("_class").asText()).isEqualTo("jenkins.branch.OrganizationFolder");
        assertThat(acme.get("jobs").get(0).get("_class").asText())
                .isEqualTo("org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject");
        JsonNode feature = find(
                find(find(root.get("jobs"), "services").get("jobs"), "webapp").get("jobs"), "feature%2Fx");
        assertThat(feature.get("url").asText()).endsWith("/job/services/job/webapp/job/feature%252Fx/");
    }

    private static void collect(JsonNode jobs, String prefix, List<String> into) {
        for (JsonNode job : jobs) {
            String name = prefix + job.get("name").asText();
            if (job.has("jobs")) {
                collect(job.get("jobs"), name + "/", into);
            } else {
                into.add(name + "=" + job.get("_class").asText());
            }
        }
    }

    private static JsonNode find(JsonNode jobs, String name) {
        for (JsonNode job : jobs) {
            if (job.get("name").asText().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("no job " + name);
    }

    @Test
    void shouldAnswer403WithoutCredentials() {
        HttpResponse<String> anonymous = Http.get(simulator.jenkinsUrl() + "api/json", null);
        HttpResponse<String> wrong = Http.get(simulator.jenkinsUrl() + "api/json", Http.basic("demo", "nope"));

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Http.get(simulator.jenkinsUrl() + "api/json", auth).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldPageAllBuildsAndCapBuildsAtTheNewestHundred() {
        // Given a job with more than 200 builds
        SimulatedJob job = busiest();
        String url = simulator.jenkinsUrl() + job.urlPath() + "api/json?";
        int total = job.builds().size();
        assertThat(total).isGreaterThan(200);

        // When the client pages allBuilds and asks for builds
        JsonNode first =
                Http.json(url + Http.tree("allBuilds[number]{0,100}"), auth).get("allBuilds");
        JsonNode second =
                Http.json(url + Http.tree("allBuilds[number]{100,200}"), auth).get("allBuilds");
        JsonNode rest =
                Http.json(url + Http.tree("allBuilds[number]{200,}"), auth).get("allBuilds");
        JsonNode capped = Http.json(url + Http.tree("builds[number]"), auth).get("builds");

        // Then the pages are newest first and cover every build once
        assertThat(first).hasSize(100);
        assertThat(first.get(0).get("number").asLong()).isEqualTo(total);
        assertThat(second.get(0).get("number").asLong()).isEqualTo(total - 100);
        assertThat(rest).hasSize(total - 200);
        assertThat(rest.get(rest.size() - 1).get("number").asLong()).isEqualTo(1);
        assertThat(capped).hasSize(100);
    }

    private static SimulatedJob busiest() {
        return HISTORY.buildableJobs().stream()
                .max((a, b) -> Integer.compare(a.builds().size(), b.builds().size()))
                .orElseThrow();
    }

    @Test
    void shouldExportCausesAndBothBuildDataActionsOfAPipeline() {
        // Given a pipeline build
        SimulatedJob torch = job("images/ml/torch");
        SimulatedBuild build = torch.builds().get(5);
        String url = simulator.jenkinsUrl() + torch.urlPath() + build.number() + "/api/json";

        // When the client asks for the build
        JsonNode json = Http.json(url, auth);

        // Then the library's BuildData comes first, the job's own second, with remote URLs and {} entries around
        assertThat(json.get("_class").asText()).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowRun");
        List<JsonNode> buildData = new ArrayList<>();
        int empty = 0;
        for (JsonNode action : json.get("actions")) {
            if (action.isEmpty()) {
                empty++;
            } else if (action.get("_class").asText().equals("hudson.plugins.git.util.BuildData")) {
                buildData.add(action);
            }
        }
        assertThat(empty).isPositive();
        assertThat(buildData).hasSize(2);
        assertThat(buildData.get(0).get("remoteUrls").get(0).asText())
                .isEqualTo(simulator.bitbucketUrl() + "scm/ci/jenkins-shared-lib.git");
        assertThat(buildData.get(1).get("remoteUrls").get(0).asText())
                .isEqualTo(simulator.bitbucketUrl() + "scm/ml/torch-image.git");
        assertThat(buildData.get(1).get("lastBuiltRevision").get("SHA1").asText())
                .isEqualTo(build.revision());
        assertThat(json.get("actions").get(0).get("causes").get(0).get("_class").asText())
                .isEqualTo(build.causes().get(0).className());
        assertThat(json.get("duration").asLong()).isEqualTo(build.durationMillis());
        assertThat(json.get("timestamp").asLong()).isEqualTo(build.startedAt().toEpochMilli());
        assertThat(json.get("changeSets")).hasSize(build.changeLog().isEmpty() ? 0 : 1);
    }

    @Test
    void shouldExportAFreestyleChangeSetWithPathsAndAnEmptyOneForRebuilds() {
        SimulatedJob job = job("images/base-python");
        SimulatedBuild withChanges = job.builds().stream()
                .filter(b -> !b.changeLog().isEmpty()
                        && !b.changeLog().get(0).changes().isEmpty())
                .findFirst()
                .orElseThrow();
        SimulatedBuild rebuild = job.builds().stream()
                .filter(b -> b.changeLog().isEmpty() && b.number() > 1)
                .findFirst()
                .orElseThrow();
        String tree = Http.tree("number,changeSet[kind,items[commitId,affectedPaths,paths[editType,file]]]");

        JsonNode changed =
                Http.json(simulator.jenkinsUrl() + job.urlPath() + withChanges.number() + "/api/json?" + tree, auth);
        JsonNode none =
                Http.json(simulator.jenkinsUrl() + job.urlPath() + rebuild.number() + "/api/json?" + tree, auth);

        assertThat(changed.get("changeSet").get("kind").asText()).isEqualTo("git");
        assertThat(changed.get("changeSet").get("items").get(0).get("commitId").asText())
                .isEqualTo(withChanges.changeLog().get(0).id());
        assertThat(changed.get("changeSet").get("items").get(0).get("paths")).isNotEmpty();
        assertThat(none.get("changeSet").get("kind").isNull()).isTrue();
        assertThat(none.get("changeSet").get("items")).isEmpty();
    }

    @Test
    void shouldShowRunningBuildsWithoutResultOrDuration() {
        SimulatedJob job = job("images/ml/torch");
        JsonNode newest = Http.json(
                        simulator.jenkinsUrl() + job.urlPath() + "api/json?"
                                + Http.tree("builds[number,building,result,duration]{0,1}"),
                        auth)
                .get("builds")
                .get(0);

        assertThat(newest.get("building").asBoolean()).isTrue();
        assertThat(newest.get("result").isNull()).isTrue();
        assertThat(newest.get("duration").asLong()).isZero();
    }

    @Test
    void shouldAnswerLikeHudsonInHudsonMode() {
        SimulatedJob job = busiest();
        String url = hudson.jenkinsUrl() + job.urlPath() + "api/json?";

        HttpResponse<String> ranged = Http.get(url + Http.tree("builds[number]{0,10}"), auth);
        JsonNode all = Http.json(url + Http.tree("allBuilds[number]"), auth);
        JsonNode builds =
                Http.json(url + Http.tree("builds[number,actions[lastBuiltRevision[SHA1],remoteUrls]]"), auth);

        assertThat(ranged.statusCode()).isEqualTo(500);
        assertThat(ranged.body()).contains("Malformed tree expression");
        assertThat(all.isEmpty()).isTrue();
        assertThat(builds.get("builds")).hasSize(job.builds().size());
        assertThat(builds.toString()).doesNotContain("_class").doesNotContain("remoteUrls");
        assertThat(builds.toString()).contains(job.builds().get(0).revision());
    }

    @Test
    void shouldServeConfigXmlWithTheRemoteExceptForBranchJobs() {
        String freestyle = Http.get(
                        simulator.jenkinsUrl() + job("images/base-python").urlPath() + "config.xml", auth)
                .body();
        String pipeline = Http.get(
                        simulator.jenkinsUrl() + job("images/ml/torch").urlPath() + "config.xml", auth)
                .body();
        String branch = Http.get(
                        simulator.jenkinsUrl()
                                + job("services/webapp/feature%2Fx").urlPath() + "config.xml",
                        auth)
                .body();

        assertThat(freestyle).contains("<url>" + simulator.bitbucketUrl() + "scm/img/base-python.git</url>");
        assertThat(pipeline).contains("CpsScmFlowDefinition").contains("scm/ml/torch-image.git");
        assertThat(branch).contains("SCMBinder").doesNotContain("<url>");
    }

    @Test
    void shouldAnswer404ForUnknownJobsAndBuilds() {
        assertThat(Http.get(simulator.jenkinsUrl() + "job/nope/api/json", auth).statusCode())
                .isEqualTo(404);
        SimulatedJob job = job("images/base-python");
        assertThat(Http.get(simulator.jenkinsUrl() + job.urlPath() + "99999/api/json", auth)
                        .statusCode())
                .isEqualTo(404);
    }

    private static SimulatedJob job(String fullName) {
        return HISTORY.buildableJobs().stream()
                .filter(j -> j.fullName().equals(fullName))
                .findFirst()
                .orElseThrow();
    }
}
