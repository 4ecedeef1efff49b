package dev.rebuildcauses.simulator.history;

import java.nio.charset.StandardCharsets;

/**
 * What a simulated file holds at a version: Dockerfiles a real build could use (with the stable
 * layers and the cache-busting order the advisor looks for), plain text elsewhere.
 */
final class FileContents {
    private FileContents() {}

    static byte[] of(String flavor, FileVersion file) {
        String path = file.path();
        int version = file.version();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String text = name.startsWith("Dockerfile")
                ? dockerfile(flavor, name, version)
                : path + "\nversion " + version + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String dockerfile(String flavor, String name, int version) {
        String gpu = name.endsWith(".gpu") ? "-gpu" : "";
        // the base image and system packages change seldom (stable layers a base image could hold);
        // every environment change touches the ENV line; COPY . . before the install busts the cache
        int era = version / 400;
        String packages = "curl ca-certificates libgomp1" + (era % 2 == 1 ? " git" : "");
        return switch (flavor == null ? "python" : flavor) {
            case "go" -> """
                    FROM golang:1.%d%s
                    RUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*
                    ENV IMAGE_REVISION=%d
                    WORKDIR /src
                    COPY . .
                    RUN go mod download
                    RUN go build -o /server ./cmd/server
                    CMD ["/server"]
                    """
                    .formatted(21 + era % 3, gpu, packages, version);
            case "node" -> """
                    FROM node:%d-slim%s
                    RUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*
                    ENV IMAGE_REVISION=%d
                    WORKDIR /app
                    COPY . .
                    RUN npm ci
                    CMD ["node", "src/index.js"]
                    """
                    .formatted(18 + 2 * (era % 3), gpu, packages, version);
            case "r" -> """
                    FROM rocker/r-ver:4.%d%s
                    RUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*
                    ENV IMAGE_REVISION=%d
                    WORKDIR /work
                    COPY . .
                    RUN Rscript -e 'renv::restore()'
                    CMD ["Rscript", "R/analysis.R"]
                    """
                    .formatted(3 + era % 3, gpu, packages, version);
            default -> """
                    FROM python:3.%d-slim%s
                    RUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*
                    ENV IMAGE_REVISION=%d
                    WORKDIR /app
                    COPY . .
                    RUN pip install --no-cache-dir -r requirements.txt
                    CMD ["python", "-m", "app.main"]
                    """
                    .formatted(10 + era % 3, gpu, packages, version);
        };
    }
}
