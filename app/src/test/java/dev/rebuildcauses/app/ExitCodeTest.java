package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import dev.rebuildcauses.harvest.git.NotAGitRepositoryException;
import dev.rebuildcauses.harvest.git.UnknownBranchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    @Test
    void shouldMapEveryFailureToItsOwnCode() {
        assertThat(ExitCode.of(new NotAGitRepositoryException(Path.of("x")))).isEqualTo(ExitCode.NOT_A_REPOSITORY);
        assertThat(ExitCode.of(new UnknownBranchException("b", Path.of("x")))).isEqualTo(ExitCode.UNKNOWN_BRANCH);
        assertThat(ExitCode.of(new BuildsFileException("b.csv", 3, "bad"))).isEqualTo(ExitCode.BAD_BUILDS_FILE);
        assertThat(ExitCode.of(new RulesFormatException("r.txt", 3, "bad"))).isEqualTo(ExitCode.BAD_RULES_FILE);
        assertThat(ExitCode.of(new IOException("disk full"))).isEqualTo(ExitCode.IO);
        assertThat(ExitCode.of(new HarvestException(FailureKind.LOCAL, "git"))).isEqualTo(ExitCode.IO);
        assertThat(ExitCode.of(new HarvestException(FailureKind.UNREACHABLE, "u")))
                .isEqualTo(ExitCode.UNREACHABLE);
        assertThat(ExitCode.of(new HarvestException(FailureKind.AUTH, "a"))).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCode.of(new HarvestException(FailureKind.NOT_FOUND, "n")))
                .isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ExitCode.of(new HarvestException(FailureKind.BAD_RESPONSE, "b")))
                .isEqualTo(ExitCode.BAD_RESPONSE);
        assertThat(ExitCode.of(new HarvestException(FailureKind.SERVER_ERROR, "s")))
                .isEqualTo(ExitCode.SERVER_ERROR);
        assertThat(ExitCode.of(new CommandFailure(ExitCode.USAGE, "u"))).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new IllegalStateException("bug"))).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void shouldKeepCodesDistinct() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
    }
}
