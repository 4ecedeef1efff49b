package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellCommandsTest {
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("sh './build --gpu | ts'", List.of("./build", "ts")),
                Arguments.of(
                        "        run: python3 -m tagging.apps.write_tags --image base",
                        List.of("tagging/apps/write_tags.py", "tagging/apps/write_tags")),
                Arguments.of("\t@python3 -u tools/x.py --flag", List.of("tools/x.py")),
                Arguments.of(
                        "RUN apt-get update && /tmp/clean-layer.sh; fix-permissions \"${CONDA_DIR}\"",
                        List.of("apt-get", "/tmp/clean-layer.sh", "fix-permissions")),
                Arguments.of("  - FOO=bar sudo -E bash -ex ./ci/run.sh", List.of("./ci/run.sh")),
                Arguments.of("BUILD_ARGS=\"$(cat config.txt)\"", List.of("cat")),
                Arguments.of("python3 -c 'import tagging'", List.of()),
                Arguments.of("load 'ci/common.groovy'", List.of("ci/common.groovy")));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void shouldFindWhatEachCommandRuns(String line, List<String> expected) {
        List<String> targets = ShellCommands.commands(line).stream()
                .map(ShellCommands::unwrap)
                .flatMap(command -> ShellCommands.runTargets(command).stream())
                .toList();

        assertThat(targets).isEqualTo(expected);
    }
}
