package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferringClassifierTest {
    private static final String DOCKERFILE = "FROM ubuntu\nCOPY install-tools /tmp/\nRUN /tmp/install-tools\n";

    private final InMemorySnapshot snapshot = new InMemorySnapshot();
    private RepositoryModels models;
    private InferringClassifier classifier;

    @BeforeEach
    void setUp() {
        snapshot.revision(
                        "r1", null, "Dockerfile", DOCKERFILE, "install-tools", "apt-get install -y git\n", "app.py", "")
                .revision("r2", "r1", "app.py", "print(1)\n")
                .revision("r3", "r2", "app.py", "print(2)\n")
                .revision(
                        "r4",
                        "r3",
                        "install-tools",
                        null,
                        "setup/install-tools",
                        "apt-get install -y git\n",
                        "Dockerfile",
                        DOCKERFILE.replace("COPY install-tools", "COPY setup/install-tools"));
        models = new RepositoryModels(snapshot);
        classifier = new InferringClassifier(RuleSet.defaults(), InferringClassifier.FROM_DEFAULT_RULES, models);
    }

    @Test
    void shouldGiveBuildLevelCausesWithoutReadingTheRepository() throws Exception {
        Commit empty = new Commit("r2", List.of("r1"), "ada", Instant.EPOCH, "rebuild", 0);

        assertThat(classify(ChangeRange.firstBuild("r1")).build().causes().key())
                .isEqualTo("first-build");
        assertThat(classify(ChangeRange.noNewCommit("r1")).build().causes().key())
                .isEqualTo("no-new-commit");
        assertThat(classify(ChangeRange.unknown("x", "r1", "gone"))
                        .build()
                        .causes()
                        .key())
                .isEqualTo("unknown-range");
        ExplainedBuild emptyCommit = classify(ChangeRange.resolved("r1", "r2", List.of(empty), List.of()));
        assertThat(emptyCommit.build().causes().key()).isEqualTo("empty-commit");
        assertThat(emptyCommit.files()).isEmpty();
        assertThat(models.modelsBuilt()).isZero();
    }

    @Test
    void shouldClassifyARenamedFileByBothPathsWithTheirOwnReasons() throws Exception {
        // Given the run-at-build script moved into setup/ and the Dockerfile following it
        ChangeRange range = ChangeRange.resolved(
                "r3",
                "r4",
                List.of(),
                List.of(
                        new FileChange(ChangeKind.RENAME, "setup/install-tools", "install-tools"),
                        FileChange.of(ChangeKind.MODIFY, "Dockerfile")));

        // When
        ExplainedBuild build = classify(range);

        // Then the new path is environment by inference, the old one (gone from r4) by the rules
        assertThat(build.files())
                .extracting(FileVerdict::path, FileVerdict::cause, FileVerdict::reason)
                .containsExactly(
                        tuple(
                                "setup/install-tools",
                                "environment",
                                "copied by Dockerfile:2 and run at build time by line 3"),
                        tuple("install-tools", "other", "no rule matched"),
                        tuple("Dockerfile", "environment", "COPY changed in Dockerfile:2"));
        assertThat(build.build().causes().key()).isEqualTo("environment;other");
    }

    @Test
    void shouldReuseAModelOnlyForARangeThatStartsWhereAnEarlierBuildEnded() throws Exception {
        // Given builds r1..r2 and r2..r3 in order, then one whose range starts at a revision never built
        classify(ChangeRange.resolved("r1", "r2", List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))));
        classify(ChangeRange.resolved("r2", "r3", List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))));
        assertThat(models.modelsBuilt()).isEqualTo(1);

        // When a range starts at r1 (never a build's end) and ends at r3
        classify(ChangeRange.resolved("r1", "r3", List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))));

        // Then the model of r3 is read rather than guessed from another job's build
        assertThat(models.modelsBuilt()).isEqualTo(2);
    }

    @Test
    void shouldReuseTheModelAcrossABuildThatChangedNoFile() throws Exception {
        // Given a code change, an empty commit, and another code change after it
        snapshot.revision("r5", "r3", "app.py", "print(3)\n");
        Commit empty = new Commit("r3", List.of("r2"), "ada", Instant.EPOCH, "rebuild", 0);
        classify(ChangeRange.resolved("r1", "r2", List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))));
        classify(ChangeRange.resolved("r2", "r3", List.of(empty), List.of()));

        // When the build after the empty commit is classified
        ExplainedBuild after = classify(
                ChangeRange.resolved("r3", "r5", List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))));

        // Then it reuses the model of r2, as nothing changed in between
        assertThat(after.files()).extracting(FileVerdict::cause).containsExactly("code");
        assertThat(models.modelsBuilt()).isEqualTo(1);
    }

    @Test
    void shouldLeaveEveryPathToRulesFilesThatReplaceTheDefaults() throws Exception {
        // Given rules without defaults: nothing is open to inference but what no rule matches
        RuleSet rules = RuleSet.parse("team.txt", "@no-defaults\n*.py code\n");
        InferringClassifier teamClassifier =
                new InferringClassifier(rules, InferringClassifier.FROM_DEFAULT_RULES, models);

        ExplainedBuild build = teamClassifier.classify(new BuildChanges(
                build("r2"),
                ChangeRange.resolved(
                        "r1",
                        "r2",
                        List.of(),
                        List.of(
                                FileChange.of(ChangeKind.MODIFY, "app.py"),
                                FileChange.of(ChangeKind.MODIFY, "install-tools")))));

        assertThat(build.files())
                .extracting(FileVerdict::path, FileVerdict::cause, FileVerdict::reason)
                .containsExactly(
                        tuple("app.py", "code", "rule '*.py' (team.txt:2)"),
                        tuple(
                                "install-tools",
                                "environment",
                                "copied by Dockerfile:2 and run at build time by line 3"));
    }

    @Test
    void shouldCallFilesNoRuleKnowsEnvironmentWhenTheImageCopiesThem() throws Exception {
        // Given an image that copies an rc file (no rule) and a YAML settings file (config rule)
        snapshot.revision(
                        "c1",
                        null,
                        "Dockerfile",
                        "FROM ubuntu\nCOPY condarc /opt/conda/.condarc\nCOPY settings.yml /etc/app/\n",
                        "condarc",
                        "",
                        "settings.yml",
                        "")
                .revision("c2", "c1", "condarc", "channels: []\n", "settings.yml", "a: 1\n");

        // When
        ExplainedBuild build = classify(ChangeRange.resolved(
                "c1",
                "c2",
                List.of(),
                List.of(
                        FileChange.of(ChangeKind.MODIFY, "condarc"),
                        FileChange.of(ChangeKind.MODIFY, "settings.yml"))));

        // Then only the file no rule knew takes the inferred cause
        assertThat(build.files())
                .extracting(FileVerdict::path, FileVerdict::cause, FileVerdict::reason)
                .containsExactly(
                        tuple("condarc", "environment", "copied into the image by Dockerfile:2"),
                        tuple("settings.yml", "config", build.files().get(1).reason()));
        assertThat(build.files().get(1).reason()).startsWith("rule '*.yml' (default rules:");
    }

    @Test
    void shouldOpenOnlyDefaultRuleVerdictsToInference() {
        assertThat(InferringClassifier.FROM_DEFAULT_RULES.test(new Verdict("code", "rule '*.py' (default rules:88)")))
                .isTrue();
        assertThat(InferringClassifier.FROM_DEFAULT_RULES.test(new Verdict("other", "no rule matched")))
                .isTrue();
        assertThat(InferringClassifier.FROM_DEFAULT_RULES.test(new Verdict("code", "rule '*.py' (team.txt:3)")))
                .isFalse();
    }

    private ExplainedBuild classify(ChangeRange range) throws SnapshotException {
        return classifier.classify(new BuildChanges(build(range.toRevision()), range));
    }

    private static Build build(String revision) {
        return new Build("job", 1, Instant.EPOCH, null, "", "push", revision, "main");
    }

    @Test
    void shouldLeaveARangeWithoutRevisionToTheRules() throws Exception {
        ChangeRange range = new ChangeRange(
                RangeStatus.RESOLVED,
                "r1",
                null,
                List.of(),
                List.of(FileChange.of(ChangeKind.MODIFY, "install-tools")),
                "");

        ExplainedBuild build = classifier.classify(new BuildChanges(build("r1"), range));

        assertThat(build.files()).containsExactly(new FileVerdict("install-tools", "other", "no rule matched"));
        assertThat(models.modelsBuilt()).isZero();
    }

    @Test
    void shouldKeepCodeThatCiRunsAsCodeWhenTheImageCopiesTheWholeRepository() throws Exception {
        // Given an app image that copies everything, and a Jenkinsfile that runs manage.py and ./deploy
        snapshot.revision(
                        "a1",
                        null,
                        "Dockerfile",
                        "FROM python\nCOPY . /app\nCMD [\"gunicorn\", \"app.wsgi\"]\n",
                        "Jenkinsfile",
                        "node {\n  sh 'python manage.py test'\n  sh './deploy'\n}\n",
                        "manage.py",
                        "",
                        "deploy",
                        "")
                .revision("a2", "a1", "manage.py", "#\n", "deploy", "#\n");

        // When
        ExplainedBuild build = classify(ChangeRange.resolved(
                "a1",
                "a2",
                List.of(),
                List.of(FileChange.of(ChangeKind.MODIFY, "manage.py"), FileChange.of(ChangeKind.MODIFY, "deploy"))));

        // Then the Python file stays code; the extensionless script is still CI tooling
        assertThat(build.files())
                .extracting(FileVerdict::path, FileVerdict::cause)
                .containsExactly(tuple("manage.py", "code"), tuple("deploy", "ci"));
        assertThat(build.files().get(1).reason()).isEqualTo("run only by Jenkinsfile:3");
    }
}
