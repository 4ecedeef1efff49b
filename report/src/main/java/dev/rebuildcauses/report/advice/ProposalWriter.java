package dev.rebuildcauses.report.advice;

import dev.rebuildcauses.analysis.advice.Advice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the proposed files of advice to {@code <out>/proposals/<job with / as _>/<file>}. */
public final class ProposalWriter {
    public static final String FOLDER = "proposals";

    private ProposalWriter() {}

    /** The folder a job's proposals go to, under {@code out}. */
    public static Path jobFolder(Path out, String job) {
        return out.resolve(FOLDER).resolve(safe(job));
    }

    /** Writes every proposal and returns the files written, in order. */
    public static List<Path> write(List<Advice> advice, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Advice row : advice) {
            Path folder = jobFolder(out, row.job()).normalize();
            for (var proposal : row.proposals().entrySet()) {
                Path file = folder.resolve(relative(proposal.getKey())).normalize();
                if (!file.startsWith(folder) || file.equals(folder)) {
                    throw new IOException("proposal path escapes " + folder + ": " + proposal.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, proposal.getValue(), StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
    }

    static String safe(String name) {
        String replaced = name.replace('/', '_').replace('\\', '_').replaceAll("[\\x00-\\x1f:*?\"<>|]", "_");
        return replaced.isEmpty() || replaced.equals(".") || replaced.equals("..") ? "_" + replaced : replaced;
    }

    private static String relative(String key) {
        StringBuilder path = new StringBuilder();
        for (String part : key.split("/")) {
            if (!part.isEmpty()) {
                path.append(path.length() == 0 ? "" : "/").append(safe(part));
            }
        }
        return path.toString();
    }
}
