package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.RepositoryModel;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.analysis.trigger.CiTriggerReader;
import dev.rebuildcauses.analysis.trigger.CiTriggers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models moved along the walked chain by its diffs ({@link GitRepositorySnapshot#following}) say
 * exactly what models read from each revision's trees say, on a generated image repository with
 * merges, renames, deletions, Dockerfiles added and removed and CI files changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one generated history for every test: git is slow on a busy machine
class IncrementalInferenceTest {
    private final String[] code = {"src/app/main.py", "src/app/util.py", "src/lib/core.py", "tests/test_app.py"};
    private String script = "scripts/check.sh";

    @TempDir
    static Path tmp;

    private TestRepository repo;
    private FirstParentHistory history;

    @BeforeAll
    void generateHistory() throws Exception {
        repo = new TestRepository(tmp.resolve("images"));
        Random random = new Random(7);
        repo.write("Dockerfile", dockerfile("python:3.12", "src/"))
                .write("Jenkinsfile", jenkinsfile("Dockerfile", "scripts/check.sh"))
                .write("scripts/check.sh", "#!/bin/sh\npytest\n")
                .write("requirements.txt", "pandas\n")
                .write("README.md", "# images\n");
        for (String path : code) {
            repo.write(path, "v0\n");
        }
        repo.commit("initial image");
        for (int step = 1; step <= 50; step++) {
            switch (step % 10) {
                case 1 -> repo.write(code[random.nextInt(code.length)], "v" + step + "\n");
                case 2 -> repo.write("images/gpu/Dockerfile", dockerfile("cuda:" + step, "tools/"))
                        .write("tools/gpu-" + step + ".sh", "echo " + step + "\n");
                case 3 -> repo.write(
                                "Jenkinsfile",
                                jenkinsfile(
                                        random.nextBoolean() ? "images/gpu/Dockerfile" : "Dockerfile",
                                        random.nextBoolean() ? script : "scripts/lint.sh"))
                        .write("scripts/lint.sh", "#!/bin/sh\nruff " + step + "\n");
                case 4 -> {
                    String moved = "src/app/main_" + step + ".py";
                    repo.git("mv", code[0], moved);
                    code[0] = moved;
                    repo.git("mv", script, "scripts/check_" + step + ".sh");
                    script = "scripts/check_" + step + ".sh";
                    repo.write("Jenkinsfile", jenkinsfile("Dockerfile", script));
                }
                case 5 -> {
                    repo.git("rm", "-q", "-r", "--ignore-unmatch", "images/gpu");
                    repo.write("examples/demo/Dockerfile", dockerfile("alpine:" + step, "."));
                }
                case 6 -> mergeFeature(step, random);
                case 7 -> repo.write("Dockerfile", dockerfile("python:3." + step, random.nextBoolean() ? "src/" : "."));
                case 8 -> repo.write(".github/workflows/build.yml", workflow(step))
                        .write("docs/usage.md", "step " + step + "\n");
                case 9 -> {
                    repo.git("rm", "-q", "-r", "--ignore-unmatch", "examples", ".github");
                    repo.git("mv", "scripts", "ci-" + step);
                    script = script.replaceFirst("^scripts/", "ci-" + step + "/");
                    repo.write("Jenkinsfile", jenkinsfile("Dockerfile", script));
                }
                default -> {
                    // an empty commit: a rebuild for upgraded packages
                }
            }
            repo.commit("step " + step);
        }
        history = GitRepository.open(repo.dir()).firstParentHistory("main", (done, total) -> {});
    }

    private void mergeFeature(int step, Random random) {
        repo.git("checkout", "-q", "-b", "feature-" + step);
        repo.write("Dockerfile", dockerfile("python:3.1" + step, "src/"));
        repo.commit("feature " + step + " image");
        repo.write(code[random.nextInt(code.length)], "feature " + step + "\n")
                .write("Makefile", "build:\n\tdocker build -f Dockerfile .\n");
        repo.commit("feature " + step + " code");
        repo.git("checkout", "-q", "main");
        repo.write("docs/notes.md", "main " + step + "\n");
        repo.commit("main moves on " + step);
        repo.git("merge", "-q", "--no-ff", "-m", "merge feature " + step, "feature-" + step);
    }

    @Test
    void shouldCoverEveryKindOfChangeTheDiffsMoveModelsBy() {
        // Given the generated history: merges, renames, deletions and additions among its diffs
        List<ChangeKind> kinds = history.steps().stream()
                .flatMap(step -> step.files().stream())
                .map(FileChange::kind)
                .distinct()
                .toList();

        // Then it exercises every move of a listing, with merges on the chain
        assertThat(kinds).contains(ChangeKind.ADD, ChangeKind.MODIFY, ChangeKind.DELETE, ChangeKind.RENAME);
        assertThat(history.steps()).anyMatch(step -> step.commit().isMerge());
    }

    @Test
    void shouldListEveryRevisionOfTheChainAsItsTreesDo() throws Exception {
        // Given one snapshot following the chain and one reading trees
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            for (HistoryStep step : history.steps()) {
                String revision = step.commit().id();
                // When / Then each revision lists the same files in the same order
                assertThat(following.paths(revision)).as(revision).isEqualTo(trees.paths(revision));
            }
        }
    }

    @Test
    void shouldLeaveAListingFarAheadToTheTreesAndMoveOneNearby() throws Exception {
        // Given a chain listing that moves by diffs over 3 steps at least, started at the first revision
        List<HistoryStep> steps = history.steps();
        ChainListing listing = new ChainListing(history, 3);
        try (GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            String first = steps.get(0).commit().id();
            listing.restart(first, trees.paths(first));
            String near = steps.get(2).commit().id();
            String far = steps.get(steps.size() - 1).commit().id();

            // When / Then a revision two steps on is moved to, as its trees list it
            assertThat(listing.paths(near)).contains(trees.paths(near));
            // and one further on than the listing has files is left to the trees
            assertThat(steps.size() - 3).isGreaterThan(trees.paths(near).size());
            assertThat(listing.paths(far)).isEmpty();
        }
    }

    @Test
    void shouldBuildTheSameModelAtEveryRevisionAsFromScratch() throws Exception {
        // Given models moved along the chain, and models each read anew from its revision's trees
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            RepositoryModels incremental = new RepositoryModels(following);
            for (HistoryStep step : history.steps()) {
                String revision = step.commit().id();
                // When both model the revision (a new RepositoryModels starts from nothing)
                String moved = describe(incremental.at(revision), trees.paths(revision));
                String scratch = describe(new RepositoryModels(trees).at(revision), trees.paths(revision));

                // Then they say the same of every path
                assertThat(moved).as(revision).isEqualTo(scratch);
            }
        }
    }

    @Test
    void shouldClassifyEveryBuildAsTheFromScratchModelsDo() throws Exception {
        // Given every first-parent commit as a build
        List<BuildChanges> builds = history.asBuilds("images");
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            // When classified with models moved by diffs and with models read from trees
            List<String> moved = classify(builds, new RepositoryModels(following));
            List<String> scratch = classify(builds, new RepositoryModels(trees));

            // Then every build has the same causes and every file the same verdict
            assertThat(moved).hasSize(builds.size()).isEqualTo(scratch);
            assertThat(moved).anyMatch(line -> line.contains("environment"));
            assertThat(builds)
                    .anyMatch(build -> build.range().status() == RangeStatus.RESOLVED
                            && build.range().commits().size() > 1);
        }
    }

    @Test
    void shouldReadTheSameTriggersAtEveryRevisionAsFromScratch() throws Exception {
        // Given one trigger reader moved along the chain by its diffs
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            CiTriggerReader moved = new CiTriggerReader(following);
            for (HistoryStep step : history.steps()) {
                String revision = step.commit().id();
                // When it and a new reader over the trees read the revision's triggers
                CiTriggers incremental = moved.read(revision);
                CiTriggers scratch = new CiTriggerReader(trees).read(revision);

                // Then they name the same filters
                assertThat(incremental).as(revision).isEqualTo(scratch);
            }
            assertThat(moved.read(history.steps()
                                    .get(history.steps().size() - 1)
                                    .commit()
                                    .id())
                            .filters())
                    .isNotEmpty();
        }
    }

    @Test
    void shouldReadAFileAtEachOfItsChangesAndTheirParentsInOneRoundTrip() throws Exception {
        // Given the revisions whose step changes the Jenkinsfile
        List<String> changing = new ArrayList<>();
        for (int i = 1; i < history.steps().size(); i++) {
            if (history.steps().get(i).files().stream()
                    .anyMatch(change -> change.path().equals("Jenkinsfile"))) {
                changing.add(history.steps().get(i - 1).commit().id());
                changing.add(history.steps().get(i).commit().id());
            }
        }
        assertThat(changing).hasSizeGreaterThan(6);
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            // When the following snapshot reads it at each of them, before and after the change, in order
            List<Optional<String>> read = new ArrayList<>();
            for (String revision : changing) {
                read.add(following.read(revision, "Jenkinsfile"));
            }

            // Then git was asked once, and each text is the one of the revision's tree
            assertThat(following.roundTrips()).isEqualTo(1);
            for (int i = 0; i < changing.size(); i++) {
                assertThat(read.get(i)).as(changing.get(i)).isEqualTo(trees.read(changing.get(i), "Jenkinsfile"));
            }
        }
    }

    @Test
    void shouldPassTheTextsOfOnePassOverTheRevisionsOnToTheNextWithoutAskingGitAgain() throws Exception {
        // Given the revisions whose step changes the Jenkinsfile, and a snapshot that keeps only its last two texts
        List<String> changed = new ArrayList<>();
        for (HistoryStep step : history.steps()) {
            if (step.files().stream().anyMatch(change -> change.path().equals("Jenkinsfile"))) {
                changed.add(step.commit().id());
            }
        }
        assertThat(changed).hasSizeGreaterThan(4);
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir(), 2).following(history);
                GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            // When one pass (the triggers) reads the file at each of them, then the next (the classification) again
            List<Optional<String>> first = new ArrayList<>();
            for (String revision : changed) {
                first.add(following.readAll(revision, List.of("Jenkinsfile")).get("Jenkinsfile"));
            }
            long asked = following.objectsRead();
            List<Optional<String>> second = new ArrayList<>();
            for (String revision : changed) {
                second.add(following.readAll(revision, List.of("Jenkinsfile")).get("Jenkinsfile"));
            }

            // Then the second pass asked git for nothing, and both read each revision's own text
            assertThat(following.objectsRead()).isEqualTo(asked);
            assertThat(second).isEqualTo(first);
            for (int i = 0; i < changed.size(); i++) {
                assertThat(second.get(i)).as(changed.get(i)).isEqualTo(trees.read(changed.get(i), "Jenkinsfile"));
            }
        }
    }

    @Test
    void shouldServeTextsPassedOnFromElsewhereWithoutAskingGit() throws Exception {
        // Given the Jenkinsfile's texts at the revisions that change it, read by a snapshot of the trees
        Map<String, String> texts = new LinkedHashMap<>();
        try (GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            for (HistoryStep step : history.steps()) {
                if (step.files().stream().anyMatch(change -> change.path().equals("Jenkinsfile"))) {
                    texts.put(
                            step.commit().id() + ":Jenkinsfile",
                            trees.read(step.commit().id(), "Jenkinsfile").orElseThrow());
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(4);
        try (GitRepositorySnapshot following = new GitRepositorySnapshot(repo.dir()).following(history)) {
            // When they are passed on to a snapshot following the history, which then reads each three times
            following.passOn(texts);
            Map<String, String> read = new LinkedHashMap<>();
            for (String key : texts.keySet()) {
                String revision = key.substring(0, key.indexOf(':'));
                for (int time = 0; time < 3; time++) {
                    read.put(key, following.read(revision, "Jenkinsfile").orElseThrow());
                }
            }

            // Then git was asked for none of them: a text passed on stays among the last texts read
            assertThat(read).isEqualTo(texts);
            assertThat(following.objectsRead()).isZero();
        }
    }

    @Test
    void shouldReadTheFilesEachCommitBringsAsTheWalkGoesAndKnowThemAtTheCommitsBeforeTheNextChange() throws Exception {
        // When the history is walked reading Dockerfiles and CI files along
        FirstParentHistory walked = GitRepository.open(repo.dir())
                .firstParentHistory("main", WalkProgress.NONE, InferringClassifier.READS_AHEAD);
        Map<String, String> texts = walked.takeTextsReadAlong();

        // Then every change of one is read at its commit
        int aliases = 0;
        for (int i = 0; i < walked.size(); i++) {
            for (FileChange change : walked.files(i)) {
                if (change.kind() != ChangeKind.DELETE && InferringClassifier.READS_AHEAD.test(change.path())) {
                    assertThat(texts).containsKey(walked.id(i) + ":" + change.path());
                }
            }
        }
        // and every text named is the one of that revision's tree, at changes and at the commits before them
        try (GitRepositorySnapshot trees = new GitRepositorySnapshot(repo.dir())) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                String revision = text.getKey().substring(0, text.getKey().indexOf(':'));
                String path = text.getKey().substring(text.getKey().indexOf(':') + 1);
                assertThat(trees.read(revision, path)).as(text.getKey()).contains(text.getValue());
                int step = walked.indexOf(revision);
                if (walked.files(step).stream()
                        .noneMatch(change -> change.path().equals(path))) {
                    aliases++;
                }
            }
        }
        assertThat(aliases).isPositive();
        assertThat(walked.takeTextsReadAlong()).isEmpty();
    }

    @Test
    void shouldClassifyWithTheTextsReadAlongTheWalkAsWithoutThemAskingGitForLess() throws Exception {
        // Given the texts read along the walk passed on to a snapshot following it
        FirstParentHistory walked = GitRepository.open(repo.dir())
                .firstParentHistory("main", WalkProgress.NONE, InferringClassifier.READS_AHEAD);
        List<BuildChanges> builds = walked.asBuilds("images");
        try (GitRepositorySnapshot withTexts = new GitRepositorySnapshot(repo.dir()).following(walked);
                GitRepositorySnapshot without = new GitRepositorySnapshot(repo.dir()).following(walked)) {
            withTexts.passOn(walked.takeTextsReadAlong());

            // When every build is classified with each
            List<String> read = classify(builds, new RepositoryModels(withTexts));
            List<String> asked = classify(builds, new RepositoryModels(without));

            // Then the verdicts are the same, and git was asked for fewer objects
            assertThat(read).isEqualTo(asked);
            assertThat(withTexts.objectsRead()).isLessThan(without.objectsRead() / 2);
        }
    }

    private static List<String> classify(List<BuildChanges> builds, RepositoryModels models) throws Exception {
        InferringClassifier classifier =
                new InferringClassifier(RuleSet.defaults(), InferringClassifier.FROM_DEFAULT_RULES, models);
        classifier.prefetch(builds);
        List<String> lines = new ArrayList<>();
        for (BuildChanges build : builds) {
            ExplainedBuild explained = classifier.classify(build);
            lines.add(build.build().number() + " " + explained.build().causes().key() + " " + explained.files());
        }
        return lines;
    }

    /** Everything a model says about every path of its revision (and a few that are not there). */
    private static String describe(RepositoryModel model, List<String> paths) {
        StringBuilder text = new StringBuilder();
        TreeSet<String> asked = new TreeSet<>(paths);
        asked.addAll(List.of("images/gpu/Dockerfile", "scripts/check.sh", "tools/gpu-2.sh", "src/new.py"));
        for (String path : asked) {
            text.append(path)
                    .append(' ')
                    .append(model.verdictFor(path))
                    .append(' ')
                    .append(model.copiedIntoImage(path))
                    .append(' ')
                    .append(model.entersImage(path))
                    .append(' ')
                    .append(model.isBuiltDockerfile(path))
                    .append(' ')
                    .append(model.dependsOn(path))
                    .append('\n');
        }
        text.append(model.images())
                .append('\n')
                .append(new TreeSet<>(model.sources()))
                .append('\n');
        text.append(model.copiesWholeRepository());
        return text.toString();
    }

    private static String dockerfile(String base, String copied) {
        return "FROM " + base + "\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\nCOPY "
                + copied + " /app/\nCMD [\"python\", \"/app/app/main.py\"]\n";
    }

    private static String jenkinsfile(String dockerfile, String script) {
        return "pipeline {\n  agent any\n  stages {\n    stage('test') { steps { sh '" + script
                + "' } }\n    stage('image') { steps { sh 'docker build -f " + dockerfile
                + " -t app .' } }\n  }\n}\n";
    }

    private static String workflow(int step) {
        return "on:\n  push:\n    paths-ignore: ['docs/**']\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: docker build -t app:" + step + " .\n";
    }
}
