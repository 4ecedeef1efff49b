package dev.rebuildcauses.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledExportsTest {
    private final Path folder = Path.of("/home/rebuild-causes/exports");

    @Test
    void shouldReadOneCronScheduledExportPerLineIntoItsOwnFolder() throws ConfigException {
        List<ExportConfig> exports = ScheduledExports.parse(
                "# every file, daily\ndaily: 0 5 * * *\n\nweekly: 0 6 * * MON | causes, jobs\n", folder);

        assertThat(exports).extracting(ExportConfig::name).containsExactly("daily", "weekly");
        assertThat(exports.get(0).schedule().expression()).isEqualTo("0 5 * * *");
        assertThat(exports.get(0).files()).hasSize(ExportFile.values().length);
        assertThat(exports.get(0).target()).isEqualTo(folder.resolve("daily"));
        assertThat(exports.get(1).files()).containsExactly(ExportFile.CAUSES, ExportFile.JOBS);
    }

    @Test
    void shouldSayWhichLineIsWrongAndWhy() {
        assertThatThrownBy(() -> ScheduledExports.parse("daily: 0 5 * *", folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("cron expression");
        assertThatThrownBy(() -> ScheduledExports.parse("every 60 minutes", folder))
                .hasMessageContaining("expected 'name: cron expression'");
        assertThatThrownBy(() -> ScheduledExports.parse("a: 0 5 * * *\na: 0 6 * * *", folder))
                .hasMessageContaining("line 2")
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> ScheduledExports.parse("a: 0 5 * * * | pictures", folder))
                .hasMessageContaining("no export file named 'pictures'");
        assertThatThrownBy(() -> ScheduledExports.parse("../x: 0 5 * * *", folder))
                .hasMessageContaining("a name is letters");
    }
}
