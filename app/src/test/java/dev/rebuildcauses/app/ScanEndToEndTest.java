package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code scan} in-process on a repository with a known history and checks every export row by row. */
class ScanEndToEndTest {
    @TempDir
    Path temp;

    private Path repo;
    private Path out;
    private String c1;
    private String c2;
    private String c3;
    private String c4;
    private String c5;
    private String c6;
    private String c7;
    private String merge;
    private String c9;

    /** What one run printed and returned. */
    private record Run(int exitCode, String stdout, String stderr) {}

    @BeforeEach
    void createRepository() {
        repo = temp.resolve("base-image");
        out = temp.resolve("report");
        GitHistory git = new GitHistory(repo);
        git.write("Dockerfile", "FROM python:3.12\n")
                .write("app.py", "print('hi')\n")
                .write("README.md", "# base\n");
        c1 = git.commit("2026-01-05T10:00:00Z", "Initial image");
        c2 = git.write("app.py", "print('hello')\n").commit("2026-01-05T12:00:00Z", "Greet properly");
        c3 = git.write("Jenkinsfile", "pipeline {}\n").commit("2026-01-06T09:00:00Z", "Build on Jenkins");
        c4 = git.write("README.md", "# base image\n").commit("2026-01-07T09:00:00Z", "Explain");
        git.write("requirements.txt", "numpy==2.0\n").write("app.py", "import numpy\nprint('hello')\n");
        c5 = git.commit("2026-01-08T09:00:00Z", "Use numpy");
        c6 = git.commit("2026-01-09T09:00:00Z", "Rebuild for the new base image");
        git.git("2026-01-12T09:00:00Z", "mv", "app.py", "main.py");
        c7 = git.commit("2026-01-12T09:00:00Z", "=rename to main.py");
        git.git("2026-01-12T09:30:00Z", "checkout", "-q", "-b", "feature");
        git.write("Dockerfile", "FROM python:3.13\n").commit("2026-01-12T10:00:00Z", "Newer python");
        git.write("main.py", "import numpy\nprint('hello 3.13')\n").commit("2026-01-12T11:00:00Z", "Say so");
        git.git("2026-01-13T09:00:00Z", "checkout", "-q", "main");
        git.git("2026-01-13T09:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        merge = git.git("2026-01-13T09:00:00Z", "rev-parse", "HEAD").strip();
        c9 = git.write("Dockerfile", "FROM python:3.13-slim\n").commit("2026-01-19T09:00:00Z", "Slim");
    }

    @Test
    void shouldTakeEveryFirstParentCommitAsABuild() throws IOException {
        // When
        Run run = run("scan", repo.toString(), "--out", out.toString(), "--quiet");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(read("builds.csv"))
                .isEqualTo(rows(
                        "job,build,started_at,duration_s,result,trigger,revision,previous_revision,commits,files_changed,causes",
                        "base-image,1,2026-01-05T10:00:00Z,,,push," + c1 + ",,,,first-build",
                        "base-image,2,2026-01-05T12:00:00Z,,,push," + c2 + "," + c1 + ",1,1,code",
                        "base-image,3,2026-01-06T09:00:00Z,,,push," + c3 + "," + c2 + ",1,1,ci",
                        "base-image,4,2026-01-07T09:00:00Z,,,push," + c4 + "," + c3 + ",1,1,docs",
                        "base-image,5,2026-01-08T09:00:00Z,,,push," + c5 + "," + c4 + ",1,2,code;dependencies",
                        "base-image,6,2026-01-09T09:00:00Z,,,push," + c6 + "," + c5 + ",1,0,empty-commit",
                        "base-image,7,2026-01-12T09:00:00Z,,,push," + c7 + "," + c6 + ",1,1,code",
                        "base-image,8,2026-01-13T09:00:00Z,,,push," + merge + "," + c7 + ",3,2,code;environment",
                        "base-image,9,2026-01-19T09:00:00Z,,,push," + c9 + "," + merge + ",1,1,environment"));
        assertThat(read("causes.csv"))
                .isEqualTo(rows(
                        "cause,builds,builds_share,hours,hours_share,mean_min,median_min,p90_min,solo_builds,solo_share",
                        "code,4,0.4444,,,,,,2,0.5000",
                        "environment,2,0.2222,,,,,,1,0.5000",
                        "ci,1,0.1111,,,,,,1,1.0000",
                        "dependencies,1,0.1111,,,,,,0,0.0000",
                        "docs,1,0.1111,,,,,,1,1.0000",
                        "empty-commit,1,0.1111,,,,,,1,1.0000",
                        "first-build,1,0.1111,,,,,,1,1.0000"));
        assertThat(read("combinations.csv"))
                .isEqualTo(rows(
                        "causes,builds,hours",
                        "code,2,",
                        "ci,1,",
                        "code;dependencies,1,",
                        "code;environment,1,",
                        "docs,1,",
                        "empty-commit,1,",
                        "environment,1,",
                        "first-build,1,"));
        assertThat(read("jobs.csv"))
                .isEqualTo(rows(
                        "job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes",
                        "base-image,9,,code,2,6.0"));
        assertThat(read("weekly.csv"))
                .isEqualTo(rows(
                        "week,cause,builds,hours",
                        "2026-01-05,ci,1,",
                        "2026-01-05,code,2,",
                        "2026-01-05,dependencies,1,",
                        "2026-01-05,docs,1,",
                        "2026-01-05,empty-commit,1,",
                        "2026-01-05,first-build,1,",
                        "2026-01-12,code,2,",
                        "2026-01-12,environment,1,",
                        "2026-01-19,environment,1,"));
        assertThat(run.stdout()).isEqualTo(read("summary.txt") + "\n" + read("advice.txt"));
        // and the advice of the job: one empty-commit rebuild to replace, docs-only and CI-only builds to skip
        assertThat(read("advice.csv"))
                .startsWith("job,advice,saving_hours_per_month,evidence,action,saving_builds_per_month,rank\r\n")
                .contains("base-image,replace-empty-commits,,", "base-image,skip-docs-and-ci,,");
        assertThat(read("summary.txt"))
                .contains("Empty-commit rebuilds (new commits that change no file) are 11.1% of builds")
                .endsWith(
                        "Data quality: 0 builds with an unknown change range, 0 without a revision, 0 without a change source, 9 without a duration.\n");
    }

    @Test
    void shouldJoinListedBuildsToTheirRangesAndAddBuildTime() throws IOException {
        // Given builds with durations (one of 300.2 s), a repeated revision, an abbreviated one and one the
        // repository lacks; shares are of 5,160.2 s in all
        Path builds = temp.resolve("builds.csv");
        Files.writeString(
                builds,
                String.join(
                        "\n",
                        "job,build,started_at,duration_s,result,revision,trigger,url",
                        "img/base,10,2026-01-05T10:05:00Z,600,SUCCESS," + c1 + ",push,http://x/10",
                        "img/base,11,2026-01-05T12:05:00Z,300.2,SUCCESS," + c2.substring(0, 10) + ",push,",
                        "img/base,12,2026-01-06T00:00:00Z,120,SUCCESS," + c2 + ",timer,",
                        "img/base,13,2026-01-08T09:05:00Z,900,FAILURE," + c5 + ",push,",
                        "img/base,14,1768208700000,240,SUCCESS," + c7 + ",push,",
                        "img/base,15,2026-01-12T18:00:00,,ABORTED,deadbeefdeadbeef,push,",
                        "img/base,16,2026-01-13T10:05:00+01:00,1800,SUCCESS," + merge + ",push,",
                        "img/base,17,2026-01-19T09:05:00Z,1200,SUCCESS," + c9 + ",push,"));

        // When
        Run run = run("scan", repo.toString(), "--builds", builds.toString(), "--out", out.toString(), "-q");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(read("builds.csv"))
                .isEqualTo(rows(
                        "job,build,started_at,duration_s,result,trigger,revision,previous_revision,commits,files_changed,causes",
                        "img/base,10,2026-01-05T10:05:00Z,600,SUCCESS,push," + c1 + ",,,,first-build",
                        "img/base,11,2026-01-05T12:05:00Z,300,SUCCESS,push," + c2 + "," + c1 + ",1,1,code",
                        "img/base,12,2026-01-06T00:00:00Z,120,SUCCESS,timer," + c2 + "," + c2 + ",0,0,no-new-commit",
                        "img/base,13,2026-01-08T09:05:00Z,900,FAILURE,push," + c5 + "," + c2
                                + ",3,4,ci;code;dependencies;docs",
                        "img/base,14,2026-01-12T09:05:00Z,240,SUCCESS,push," + c7 + "," + c5 + ",2,1,code",
                        "img/base,15,2026-01-12T18:00:00Z,,ABORTED,push,deadbeefdeadbeef," + c7 + ",,,unknown-range",
                        "img/base,16,2026-01-13T09:05:00Z,1800,SUCCESS,push," + merge
                                + ",deadbeefdeadbeef,,,unknown-range",
                        "img/base,17,2026-01-19T09:05:00Z,1200,SUCCESS,push," + c9 + "," + merge + ",1,1,environment"));
        assertThat(read("causes.csv"))
                .isEqualTo(rows(
                        "cause,builds,builds_share,hours,hours_share,mean_min,median_min,p90_min,solo_builds,solo_share",
                        "unknown-range,2,0.2500,0.50,0.3488,30.00,30.00,30.00,2,1.0000",
                        "code,3,0.3750,0.40,0.2791,8.00,5.00,15.00,2,0.6667",
                        "environment,1,0.1250,0.33,0.2325,20.00,20.00,20.00,1,1.0000",
                        "ci,1,0.1250,0.25,0.1744,15.00,15.00,15.00,0,0.0000",
                        "dependencies,1,0.1250,0.25,0.1744,15.00,15.00,15.00,0,0.0000",
                        "docs,1,0.1250,0.25,0.1744,15.00,15.00,15.00,0,0.0000",
                        "first-build,1,0.1250,0.17,0.1163,10.00,10.00,10.00,1,1.0000",
                        "no-new-commit,1,0.1250,0.03,0.0233,2.00,2.00,2.00,1,1.0000"));
        assertThat(read("combinations.csv"))
                .isEqualTo(rows(
                        "causes,builds,hours",
                        "unknown-range,2,0.50",
                        "environment,1,0.33",
                        "ci;code;dependencies;docs,1,0.25",
                        "first-build,1,0.17",
                        "code,2,0.15",
                        "no-new-commit,1,0.03"));
        assertThat(read("jobs.csv"))
                .isEqualTo(rows(
                        "job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes",
                        "img/base,8,1.43,unknown-range,1,"));
        assertThat(read("weekly.csv"))
                .isEqualTo(rows(
                        "week,cause,builds,hours",
                        "2026-01-05,ci,1,0.25",
                        "2026-01-05,code,2,0.33",
                        "2026-01-05,dependencies,1,0.25",
                        "2026-01-05,docs,1,0.25",
                        "2026-01-05,first-build,1,0.17",
                        "2026-01-05,no-new-commit,1,0.03",
                        "2026-01-12,code,1,0.07",
                        "2026-01-12,unknown-range,2,0.50",
                        "2026-01-19,environment,1,0.33"));
        assertThat(run.stdout()).isEqualTo(read("summary.txt") + "\n" + read("advice.txt"));
        assertThat(read("summary.txt"))
                .endsWith(
                        "Data quality: 2 builds with an unknown change range, 0 without a revision, 0 without a change source, 1 without a duration.\n");
    }

    @Test
    void shouldNeutraliseFormulaLikeTextInTheExports() throws IOException {
        // Given a job name a spreadsheet would run as a formula
        Path builds = temp.resolve("builds.csv");
        Files.writeString(
                builds,
                "job,build,started_at,duration_s,result,revision\n=HYPERLINK(\"x\"),1,2026-01-05T10:00:00Z,60,+ok," + c1
                        + "\n");

        // When
        Run run = run("scan", repo.toString(), "--builds", builds.toString(), "--out", out.toString(), "-q");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(read("builds.csv"))
                .endsWith("\"'=HYPERLINK(\"\"x\"\")\",1,2026-01-05T10:00:00Z,60,'+ok,," + c1 + ",,,,first-build\r\n");
    }

    @Test
    void shouldShowProgressAndNoteWhereTheReportWent() {
        Run run = run("scan", repo.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEqualTo("Report written to " + out + System.lineSeparator());
    }

    @Test
    void shouldFailWithOneLineWhenTheFolderIsNoRepository() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        Run run = run("scan", plain.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).isEqualTo("rebuild-causes: not a git repository: " + plain + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldSayThatAPathDoesNotExistRatherThanThatItIsNoRepository() {
        Path missing = temp.resolve("no-such-clone");

        Run run = run("scan", missing.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).isEqualTo("rebuild-causes: no such directory: " + missing + System.lineSeparator());
    }

    @Test
    void shouldNameTheLineOfAnUnterminatedQuoteInTheBuildsFile() throws IOException {
        Path builds = temp.resolve("builds.csv");
        Files.writeString(
                builds,
                "job,build,started_at,duration_s,result,revision\n"
                        + "j,1,2026-01-05T10:00:00Z,60,SUCCESS," + c1 + "\n"
                        + "j,2,\"2026-01-06T10:00:00Z,60,SUCCESS," + c1 + "\n"
                        + "j,3,2026-01-07T10:00:00Z,60,SUCCESS," + c1 + "\n");

        Run run = run("scan", repo.toString(), "--builds", builds.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderr())
                .isEqualTo("rebuild-causes: " + builds + ":3: a quoted field opens here and is never closed"
                        + " (an unterminated \")" + System.lineSeparator());
    }

    @Test
    void shouldPrintTheUsageAndExit2WithoutArguments() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("Usage: rebuild-causes").contains("scan");
    }

    @Test
    void shouldSuggestTheCommandMeantByATypo() {
        Run run = run("scna", repo.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("rebuild-causes: ").contains("did you mean scan?");
    }

    @Test
    void shouldFailWhenTheBranchIsUnknown() {
        Run run = run("scan", repo.toString(), "--branch", "nope", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.stderr()).isEqualTo("rebuild-causes: unknown branch 'nope' in " + repo + System.lineSeparator());
    }

    @Test
    void shouldNameTheBadLineOfTheBuildsFile() throws IOException {
        Path builds = temp.resolve("builds.csv");
        Files.writeString(
                builds,
                "job,build,started_at,duration_s,result,revision\nimg,1,2026-01-05T10:00:00Z,60,SUCCESS," + c1
                        + "\nimg,2,yesterday,60,SUCCESS," + c2 + "\n");

        Run run = run("scan", repo.toString(), "--builds", builds.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderr())
                .isEqualTo("rebuild-causes: " + builds
                        + ":3: started_at 'yesterday' is neither ISO-8601 nor epoch milliseconds"
                        + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldFailOnAMissingBuildsOrRulesFile() {
        Path missing = temp.resolve("missing.csv");

        Run builds = run("scan", repo.toString(), "--builds", missing.toString(), "--out", out.toString());
        Run rules = run("scan", repo.toString(), "--rules", missing.toString(), "--out", out.toString());

        assertThat(builds.exitCode()).isEqualTo(5);
        assertThat(builds.stderr()).startsWith("rebuild-causes: " + missing + ": cannot read: ");
        assertThat(rules.exitCode()).isEqualTo(6);
        assertThat(rules.stderr())
                .isEqualTo("rebuild-causes: " + missing + ": cannot read the rules file" + System.lineSeparator());
    }

    @Test
    void shouldApplyCustomRulesBeforeTheDefaults() throws IOException {
        // Given a rule that files the Jenkinsfile under its own cause
        Path rules = temp.resolve("rules.txt");
        Files.writeString(rules, "# ours\nJenkinsfile pipeline\n");

        Run run = run("scan", repo.toString(), "--rules", rules.toString(), "--out", out.toString(), "-q");

        assertThat(run.exitCode()).isZero();
        assertThat(read("builds.csv")).contains(",pipeline\r\n").doesNotContain(",ci\r\n");
    }

    @Test
    void shouldFailOnABadRulesLine() throws IOException {
        Path rules = temp.resolve("rules.txt");
        Files.writeString(rules, "Jenkinsfile\n");

        Run run = run("scan", repo.toString(), "--rules", rules.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.stderr()).startsWith("rebuild-causes: " + rules + ":1: ").doesNotContain("\n\n");
    }

    @Test
    void shouldFailWhenTheReportCannotBeWritten() throws IOException {
        Path file = Files.writeString(temp.resolve("taken"), "a file, not a folder");

        Run run = run("scan", repo.toString(), "--out", file.toString(), "-q");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.stderr()).startsWith("rebuild-causes: cannot write the report to " + file + ": ");
        assertThat(run.stderr().lines()).hasSize(1);
    }

    private Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        int code = commandLine.execute(args);
        return new Run(code, stdout.toString(), stderr.toString());
    }

    private String read(String name) throws IOException {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    }

    private static String rows(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }
}
