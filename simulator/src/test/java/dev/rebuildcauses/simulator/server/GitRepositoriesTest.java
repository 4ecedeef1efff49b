package dev.rebuildcauses.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GitRepositoriesTest {
    @Test
    void shouldWriteEveryRepositoryUnderAFolderGivenRelativeToTheWorkingDirectory() throws IOException {
        // `demo --data demo-data/` names its folder so: git runs in each repository, not in the working directory
        Files.createDirectories(Path.of("target", "tmp"));
        Path absolute = Files.createTempDirectory(Path.of("target", "tmp").toAbsolutePath(), "git-repositories");
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);
        SimulatedHistory history = SimulatedHistory.generate(3, 300);

        GitRepositories.write(history, relative);

        for (SimulatedRepository repository : history.repositories()) {
            Path bare = absolute.resolve(repository.projectKey().toLowerCase(Locale.ROOT))
                    .resolve(repository.slug() + ".git");
            assertThat(bare.resolve("HEAD")).as(repository.slug()).exists();
            assertThat(bare.resolve("objects")).isDirectory();
        }
        assertThat(relative.isAbsolute()).isFalse();
    }
}
