package dev.rebuildcauses.report.view;

import java.util.List;

/**
 * A file the advisor proposes, with its diff against the Dockerfile the job builds today.
 *
 * @param name its name in the report folder, e.g. {@code Dockerfile.base}
 * @param content the proposed content
 * @param downloadHref a {@code data:} URL that saves the content (the report has no server)
 * @param against the path of today's Dockerfile it is compared with, empty when none is known
 * @param diff the diff against that Dockerfile; every line added when none is known
 */
public record ProposedFile(String name, String content, String downloadHref, String against, List<DiffLine> diff) {
    public ProposedFile {
        diff = List.copyOf(diff);
    }

    public long added() {
        return diff.stream().filter(DiffLine::isAdded).count();
    }

    public long removed() {
        return diff.stream().filter(DiffLine::isRemoved).count();
    }
}
