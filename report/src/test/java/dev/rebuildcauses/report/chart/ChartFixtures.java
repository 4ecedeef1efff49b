package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made inputs for the chart tests. */
final class ChartFixtures {
    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");

    private ChartFixtures() {}

    /** A Dockerfile of 14 instructions over five revisions: a stable top, a churning bottom. */
    static List<StabilityTable> dockerfiles() {
        List<String> lines = new ArrayList<>(List.of(
                "FROM python:3.12-slim",
                "ENV PYTHONDONTWRITEBYTECODE=1",
                "RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev",
                "RUN useradd --create-home app",
                "WORKDIR /app",
                "COPY requirements.txt .",
                "RUN pip install --no-cache-dir -r requirements.txt",
                "COPY setup.py .",
                "RUN pip install -e .",
                "COPY src/ src/",
                "COPY config/ config/",
                "ENV MODEL_VERSION=1",
                "USER app",
                "CMD [\"python\", \"-m\", \"app\"]"));
        List<DockerfileRevision> revisions = new ArrayList<>();
        revisions.add(revision(0, lines));
        lines.set(6, "RUN pip install --no-cache-dir -r requirements.txt && pip check");
        revisions.add(revision(30, lines));
        lines.set(11, "ENV MODEL_VERSION=2");
        lines.set(8, "RUN pip install --no-deps -e .");
        revisions.add(revision(80, lines));
        lines.set(11, "ENV MODEL_VERSION=3");
        revisions.add(revision(120, lines));
        lines.set(11, "ENV MODEL_VERSION=4");
        lines.set(13, "CMD [\"python\", \"-u\", \"-m\", \"app\"]");
        revisions.add(revision(150, lines));
        lines.set(11, "ENV MODEL_VERSION=5");
        revisions.add(revision(160, lines));
        DockerfileHistory history = new DockerfileHistory("images/app/Dockerfile", revisions);
        return List.of(InstructionStabilityMiner.mine(history, DAY0.plus(Duration.ofDays(170)), Duration.ofDays(56)));
    }

    private static DockerfileRevision revision(int day, List<String> lines) {
        return new DockerfileRevision("r" + day, DAY0.plus(Duration.ofDays(day)), String.join("\n", lines) + "\n");
    }
}
