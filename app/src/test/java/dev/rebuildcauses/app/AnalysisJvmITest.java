package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged jar started as a user starts it: {@code java -jar target/rebuild-causes.jar ...}. */
class AnalysisJvmITest {
    private static final Path JAR = Path.of("target", "rebuild-causes.jar").toAbsolutePath();
    private static Path folder;
    private static Path repository;

    @BeforeAll
    static void createRepository() throws IOException {
        Files.createDirectories(Path.of("target", "tmp"));
        folder = Files.createTempDirectory(Path.of("target", "tmp"), "analysis-jvm");
        repository = folder.resolve("repo");
        GitHistory git = new GitHistory(repository);
        git.write("Dockerfile", "FROM python:3.12\nCOPY app.py /app/\n").commit("2026-01-01T10:00:00Z", "image");
        git.write("app.py", "print(1)\n").commit("2026-01-02T10:00:00Z", "code");
        git.write("README.md", "# docs\n").commit("2026-01-03T10:00:00Z", "docs");
    }

    private static ProcessBuilder java(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove(AnalysisJvm.OPT_OUT);
        return builder;
    }

    private static String run(ProcessBuilder builder, int expectedExit) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void shouldScanInASecondJvmWithTheSerialCollectorAndPassItsExitCodeOn() throws Exception {
        Path out = folder.resolve("out");

        String output = run(
                java(List.of("-Drebuild-causes.timing=true"), "scan", repository.toString(), "--out", out.toString()),
                0);

        assertThat(output).contains("[timing] collectors Copy, MarkSweepCompact");
        assertThat(output).doesNotContain("G1 Young Generation");
        assertThat(out.resolve("builds.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("builds.csv"))).hasSize(4); // a header and three builds
        // a failure's own exit code reaches the caller through the first JVM
        run(java(List.of(), "scan", folder.resolve("no-such-repo").toString()), ExitCode.NOT_A_REPOSITORY.code());
    }

    @Test
    void shouldKeepTheJvmTheUserConfigured() throws Exception {
        String chosen = run(
                java(
                        List.of("-Drebuild-causes.timing=true", "-XX:+UseG1GC"),
                        "scan",
                        repository.toString(),
                        "--out",
                        folder.resolve("g1").toString()),
                0);
        ProcessBuilder optedOut = java(
                List.of("-Drebuild-causes.timing=true"),
                "scan",
                repository.toString(),
                "--out",
                folder.resolve("as-is").toString());
        optedOut.environment().put(AnalysisJvm.OPT_OUT, "as-is");

        assertThat(chosen).contains("[timing] collectors G1 Young Generation");
        assertThat(run(optedOut, 0)).doesNotContain("Copy, MarkSweepCompact");
    }

    @Test
    void shouldStopTheSecondJvmWhenTheFirstIsKilled() throws Exception {
        // --builds from standard input: the scan waits for its input, so it is still running when killed
        Process first = java(List.of(), "scan", repository.toString(), "--builds", "/dev/stdin", "--quiet")
                .redirectErrorStream(true)
                .start();
        Optional<ProcessHandle> second = Optional.empty();
        for (int i = 0; i < 200 && second.isEmpty(); i++) {
            second = first.toHandle()
                    .children()
                    .filter(child -> child.info().command().orElse("").endsWith("java"))
                    .findFirst();
            Thread.sleep(50);
        }
        assertThat(second).as("the second JVM").isPresent();

        new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        second.get().onExit().get(30, TimeUnit.SECONDS);
        assertThat(second.get().isAlive()).isFalse();
        first.getOutputStream().close();
    }
}
