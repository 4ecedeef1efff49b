package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisJvmTest {
    private static final String JAR = "/opt/rc/rebuild-causes.jar";

    private static AnalysisJvm.Launch fromJar(List<String> jvmArguments) {
        return new AnalysisJvm.Launch("/usr/bin/java", JAR, JAR + " scan repo", jvmArguments, null, null, false);
    }

    @Test
    void shouldRunAnAnalysisCommandAgainWithTheSerialCollectorKeepingPropertiesAndArguments() {
        String[] args = {"scan", "repo", "--out", "dir with space"};

        assertThat(AnalysisJvm.relaunchCommand(args, fromJar(List.of("-Drebuild-causes.timing=true"))))
                .contains(List.of(
                        "/usr/bin/java",
                        "-Drebuild-causes.timing=true",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Drebuild-causes.relaunched=true",
                        "-jar",
                        JAR,
                        "scan",
                        "repo",
                        "--out",
                        "dir with space"));
        assertThat(AnalysisJvm.relaunchCommand(new String[] {"report", "--config", "c.yml"}, fromJar(List.of())))
                .isPresent();
        assertThat(AnalysisJvm.relaunchCommand(new String[] {"export", "--config", "c.yml"}, fromJar(List.of())))
                .isPresent();
    }

    @Test
    void shouldGiveReportLessFreeHeapThanTheCollectorKeepsByDefault() {
        assertOnlyThatCommandGets("report", "-XX:MinHeapFreeRatio=20", "HeapFreeRatio");
    }

    @Test
    void shouldCompileOnlyWithTheQuickCompilerForScan() {
        assertOnlyThatCommandGets("scan", "-XX:TieredStopAtLevel=1", "Tiered");
    }

    /**
     * Asserts that {@code command}'s second JVM gets {@code option} after the collector, and that no other
     * command's gets any option naming {@code family}.
     */
    private static void assertOnlyThatCommandGets(String command, String option, String family) {
        assertThat(AnalysisJvm.relaunchCommand(new String[] {command, "x"}, fromJar(List.of())))
                .hasValueSatisfying(relaunch ->
                        assertThat(relaunch).containsSubsequence("-XX:+UseSerialGC", option, "-jar", JAR, command));
        for (String other : List.of("scan", "report", "export")) {
            if (!other.equals(command)) {
                assertThat(AnalysisJvm.relaunchCommand(new String[] {other, "x"}, fromJar(List.of())))
                        .as(other)
                        .hasValueSatisfying(relaunch -> assertThat(relaunch).noneMatch(o -> o.contains(family)));
            }
        }
    }

    @Test
    void shouldLeaveTheJvmAsItIsWhenTheUserChoseItsOptions() {
        String[] args = {"scan", "repo"};

        assertThat(AnalysisJvm.relaunchCommand(args, fromJar(List.of("-Xmx2g"))))
                .isEmpty();
        assertThat(AnalysisJvm.relaunchCommand(args, fromJar(List.of("-XX:+UseG1GC"))))
                .isEmpty();
        assertThat(AnalysisJvm.relaunchCommand(args, fromJar(List.of("-agentlib:jdwp=transport=dt_socket"))))
                .isEmpty();
        assertThat(AnalysisJvm.relaunchCommand(
                        args, new AnalysisJvm.Launch("/usr/bin/java", JAR, JAR, List.of(), "-Xmx1g", null, false)))
                .isEmpty();
        assertThat(AnalysisJvm.relaunchCommand(
                        args, new AnalysisJvm.Launch("/usr/bin/java", JAR, JAR, List.of(), null, "as-is", false)))
                .isEmpty();
    }

    @Test
    void shouldNotRelaunchTwiceNorOutsideAJarNorForOtherCommands() {
        assertThat(AnalysisJvm.relaunchCommand(
                        new String[] {"scan", "repo"},
                        new AnalysisJvm.Launch("/usr/bin/java", JAR, JAR, List.of(), null, null, true)))
                .isEmpty();
        // started with -cp (tests, harvester processes): the class path is no jar of its own
        assertThat(AnalysisJvm.relaunchCommand(
                        new String[] {"scan", "repo"},
                        new AnalysisJvm.Launch(
                                "/usr/bin/java",
                                "a.jar:b.jar",
                                "dev.rebuildcauses.app.Main scan repo",
                                List.of(),
                                null,
                                null,
                                false)))
                .isEmpty();
        // servers and the harvest keep the JVM's choice: a killed harvester must not leave a second JVM behind
        for (String command : List.of("harvest", "serve", "demo", "inspect-dockerfile")) {
            assertThat(AnalysisJvm.relaunchCommand(new String[] {command}, fromJar(List.of())))
                    .as(command)
                    .isEmpty();
            assertThat(AnalysisJvm.mayRelaunch(new String[] {command}))
                    .as(command)
                    .isFalse();
        }
        assertThat(AnalysisJvm.relaunchCommand(new String[] {"--help"}, fromJar(List.of())))
                .isEmpty();
        assertThat(AnalysisJvm.mayRelaunch(new String[] {"scan", "repo"})).isTrue();
    }
}
